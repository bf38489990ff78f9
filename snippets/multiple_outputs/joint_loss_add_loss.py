import math

import keras
import numpy as np
from keras import ops

keras.utils.set_random_seed(11)
x = np.random.rand(64, 2).astype("float32")
celsius = x @ np.array([[20.0], [10.0]], dtype="float32")
y = {"celsius": celsius, "fahrenheit": celsius * 1.8 + 32}


# --8<-- [start:lesson]
class Consistency(keras.layers.Layer):
    """Passes `fahrenheit` through and adds a loss when the two disagree."""

    def call(self, celsius, fahrenheit):
        gap = fahrenheit - (celsius * 1.8 + 32)
        self.add_loss(0.1 * ops.mean(ops.square(gap)))
        return fahrenheit


inputs = keras.Input(shape=(2,), name="readings")
trunk = keras.layers.Dense(16, activation="relu", name="trunk")(inputs)
c = keras.layers.Dense(1, name="celsius")(trunk)
f = keras.layers.Dense(1, name="fahrenheit")(trunk)
model = keras.Model(inputs, {"celsius": c, "fahrenheit": Consistency(name="consistency")(c, f)})
model.compile(optimizer="adam", loss={"celsius": "mse", "fahrenheit": "mse"})
model.fit(x, y, epochs=2, batch_size=64, verbose=2)
# --8<-- [end:lesson]

r = model.evaluate(x, y, batch_size=64, verbose=0, return_dict=True)
pred = model.predict(x, verbose=0)
term = float(ops.mean(ops.square(pred["fahrenheit"] - (pred["celsius"] * 1.8 + 32))))
print(f"loss {r['loss']:.4f} = {r['celsius_loss']:.4f} + {r['fahrenheit_loss']:.4f} + 0.1 x {term:.4f}")
assert math.isclose(r["loss"], r["celsius_loss"] + r["fahrenheit_loss"] + 0.1 * term, rel_tol=1e-4)

# Keras 2's model.add_loss(symbolic tensor) on a built functional model is refused in Keras 3.
try:
    model.add_loss(ops.mean(ops.square(f - (c * 1.8 + 32))))
    raise AssertionError("expected NotImplementedError")
except NotImplementedError as error:
    assert str(error) == "", error  # raised without a message
