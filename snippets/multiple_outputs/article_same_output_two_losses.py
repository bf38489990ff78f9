import math

# --8<-- [start:lesson]
import keras
import numpy as np
from tensorflow.keras.models import Sequential, Model
from tensorflow.keras.layers import Input, Dense

# A fixed seed gives the same initial weights and data on every run.
keras.utils.set_random_seed(7)

# The article's model, unchanged.
inputLayer = Input(shape=(1,), name='input_layer')
hiddenLayer1 = Dense(5, name='hidden_layer1')(inputLayer)
hiddenLayer2 = Dense(10, name='hidden_layer2')(hiddenLayer1)
testModel = Model(inputLayer, [hiddenLayer2, hiddenLayer2], name='test_model')

# What the article stopped before: one loss per output, a short training run.
testModel.compile(optimizer="sgd", loss=["mse", "mae"])
x = np.random.rand(16, 1).astype("float32")
y_first = np.random.rand(16, 10).astype("float32")
y_second = np.random.rand(16, 10).astype("float32")
history = testModel.fit(x, [y_first, y_second], epochs=3, batch_size=16, verbose=2)
print("history keys:", list(history.history))

results = testModel.evaluate(x, [y_first, y_second], batch_size=16, verbose=0, return_dict=True)
print("evaluate:", results)

# Compute both losses by hand from the model's own predictions.
pred_first, pred_second = testModel.predict(x, verbose=0)
mse = float(keras.losses.MeanSquaredError()(y_first, pred_first))
mae = float(keras.losses.MeanAbsoluteError()(y_second, pred_second))
print(f"mse of output 0: {mse:.6f}   mae of output 1: {mae:.6f}")

# --8<-- [end:lesson]

# Both losses were trained on: the total is their sum ...
assert math.isclose(results["loss"], mse + mae, rel_tol=1e-5)
# ... but only one per-output entry survives, and it holds the second (mae) loss.
assert list(results) == ["hidden_layer2_loss", "loss"]
assert math.isclose(results["hidden_layer2_loss"], mae, rel_tol=1e-5)
