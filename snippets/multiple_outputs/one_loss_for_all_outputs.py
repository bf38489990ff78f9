import math

import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
short_term = keras.layers.Dense(1, name="short_term")(trunk)
long_term = keras.layers.Dense(1, name="long_term")(trunk)
model = keras.Model(inputs, [short_term, long_term])

# --8<-- [start:lesson]
model.compile(optimizer="adam", loss="mse")  # one loss, not a list: every output gets it

x = np.random.rand(32, 3).astype("float32")
y = [np.random.rand(32, 1).astype("float32"), np.random.rand(32, 1).astype("float32")]
results = model.evaluate(x, y, batch_size=32, verbose=0, return_dict=True)
print(results)
# --8<-- [end:lesson]

assert sorted(results) == ["long_term_loss", "loss", "short_term_loss"]
assert math.isclose(results["loss"], results["short_term_loss"] + results["long_term_loss"], rel_tol=1e-6)
