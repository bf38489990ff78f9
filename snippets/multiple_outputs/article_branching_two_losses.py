import keras
import numpy as np
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Input, Dense

keras.utils.set_random_seed(7)

# The article's branching model, unchanged.
inputLayer = Input(shape=(1,), name='input_layer')
hiddenLayer1 = Dense(5, name='hidden_layer1')(inputLayer)
hiddenLayer2 = Dense(10, name='hidden_layer2')(hiddenLayer1)
hiddenLayer1_1 = Dense(10, name='hidden_layer1_1')(hiddenLayer1)
hiddenLayer1_2 = Dense(20, name='hidden_layer1_2')(hiddenLayer1_1)
testModel = Model(inputLayer, [hiddenLayer2, hiddenLayer1_2], name='test_model')

# --8<-- [start:lesson]
# A different loss for each output, as the article intended; weights are optional.
testModel.compile(optimizer="sgd", loss=["mse", "mae"], loss_weights=[1.0, 0.5])

x = np.random.rand(32, 1).astype("float32")
y_short = np.random.rand(32, 10).astype("float32")  # one target per output,
y_long = np.random.rand(32, 20).astype("float32")  # shaped like that output
history = testModel.fit(x, [y_short, y_long], epochs=3, batch_size=16, verbose=2)
print("history keys:", list(history.history))
# --8<-- [end:lesson]

assert list(history.history) == ["hidden_layer1_2_loss", "hidden_layer2_loss", "loss"]
h = history.history
for total, first, second in zip(h["loss"], h["hidden_layer2_loss"], h["hidden_layer1_2_loss"]):
    assert abs(total - (1.0 * first + 0.5 * second)) < 1e-5 * total
