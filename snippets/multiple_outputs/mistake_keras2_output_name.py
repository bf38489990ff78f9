import keras
import numpy as np
from tensorflow.keras.models import Sequential, Model
from tensorflow.keras.layers import Input, Dense

keras.utils.set_random_seed(7)

inputLayer = Input(shape=(1,), name='input_layer')
hiddenLayer1 = Dense(5, name='hidden_layer1')(inputLayer)
hiddenLayer2 = Dense(10, name='hidden_layer2')(hiddenLayer1)
testModel = Model(inputLayer, [hiddenLayer2, hiddenLayer2], name='test_model')
testModel.compile(optimizer="sgd", loss=["mse", "mae"])

x = np.random.rand(16, 1).astype("float32")
y = [np.random.rand(16, 10).astype("float32"), np.random.rand(16, 10).astype("float32")]
history = testModel.fit(x, y, epochs=2, verbose=0)

print("hidden_layer2_loss:", history.history["hidden_layer2_loss"])  # the 2nd output's mae
# Keras 2 renamed the second output "hidden_layer2_1"; code written then asked for this key.
print("second output:     ", history.history["hidden_layer2_1_loss"])
