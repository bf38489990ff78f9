import keras
import numpy as np

keras.utils.set_random_seed(7)

inputs = keras.Input(shape=(1,), name="input_layer")
hidden1 = keras.layers.Dense(5, name="hidden_layer1")(inputs)
hidden2 = keras.layers.Dense(10, name="hidden_layer2")(hidden1)
# One Identity layer per head: the same values, but each output gets its own name.
out_mse = keras.layers.Identity(name="out_mse")(hidden2)
out_mae = keras.layers.Identity(name="out_mae")(hidden2)
model = keras.Model(inputs, [out_mse, out_mae], name="test_model")
print(model.output_names)

model.compile(optimizer="sgd", loss={"out_mse": "mse", "out_mae": "mae"})
x = np.random.rand(16, 1).astype("float32")
y_first = np.random.rand(16, 10).astype("float32")
y_second = np.random.rand(16, 10).astype("float32")
history = model.fit(x, [y_first, y_second], epochs=3, batch_size=16, verbose=2)
print("history keys:", list(history.history))
assert list(history.history) == ["loss", "out_mae_loss", "out_mse_loss"]
