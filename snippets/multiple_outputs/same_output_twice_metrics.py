import keras
import numpy as np

keras.utils.set_random_seed(7)

inputs = keras.Input(shape=(1,), name="input_layer")
hidden = keras.layers.Dense(5, name="hidden_layer1")(inputs)
out = keras.layers.Dense(10, name="hidden_layer2")(hidden)
model = keras.Model(inputs, [out, out])  # one tensor, two outputs, one name

# --8<-- [start:lesson]
model.compile(optimizer="sgd", loss=["mse", "mae"], metrics=[["mae"], ["mae"]])

x = np.random.rand(16, 1).astype("float32")
y = [np.random.rand(16, 10).astype("float32"), np.random.rand(16, 10).astype("float32")]
model.fit(x, y, verbose=0)
print("names:   ", list(model.evaluate(x, y, verbose=0, return_dict=True)))
print("evaluate:", [round(v, 4) for v in model.evaluate(x, y, verbose=0)])
# --8<-- [end:lesson]

as_dict = model.evaluate(x, y, verbose=0, return_dict=True)
as_list = model.evaluate(x, y, verbose=0)
# Metrics get a suffix; the two losses share one key, and the plain list repeats it.
assert list(as_dict) == ["hidden_layer2_loss", "hidden_layer2_mae", "hidden_layer2_mae_1", "loss"]
assert as_list[1] == as_list[2] == as_dict["hidden_layer2_loss"]
assert as_dict["hidden_layer2_loss"] == as_dict["hidden_layer2_mae_1"]  # it is the second output's mae loss
