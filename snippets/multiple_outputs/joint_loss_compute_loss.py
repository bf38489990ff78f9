import math

import keras
import numpy as np

keras.utils.set_random_seed(11)
x = np.random.rand(64, 2).astype("float32")
celsius = x @ np.array([[20.0], [10.0]], dtype="float32")
y = {"celsius": celsius, "fahrenheit": celsius * 1.8 + 32}


# --8<-- [start:lesson]
# A Keras loss object rather than ops.mean: the page says why.
mse = keras.losses.MeanSquaredError()


def disagreement(y_pred):
    """How far the two heads are from describing the same temperature."""
    return mse(y_pred["celsius"] * 1.8 + 32, y_pred["fahrenheit"])


class Consistent(keras.Model):
    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        loss = super().compute_loss(x, y, y_pred, sample_weight, training)
        return loss + 0.1 * disagreement(y_pred)


inputs = keras.Input(shape=(2,), name="readings")
trunk = keras.layers.Dense(16, activation="relu", name="trunk")(inputs)
model = Consistent(inputs, {  # a subclass, built the functional way
    "celsius": keras.layers.Dense(1, name="celsius")(trunk),
    "fahrenheit": keras.layers.Dense(1, name="fahrenheit")(trunk),
})
model.compile(optimizer="adam", loss={"celsius": "mse", "fahrenheit": "mse"})
model.fit(x, y, epochs=2, batch_size=64, verbose=2)
# --8<-- [end:lesson]

# evaluate() calls compute_loss too: its `loss` holds the extra term.
r = model.evaluate(x, y, batch_size=64, verbose=0, return_dict=True)
term = float(disagreement(model.predict(x, verbose=0)))
print(f"loss {r['loss']:.4f} = celsius_loss + fahrenheit_loss + 0.1 x disagreement "
      f"= {r['celsius_loss']:.4f} + {r['fahrenheit_loss']:.4f} + 0.1 x {term:.4f}")
assert math.isclose(r["loss"], r["celsius_loss"] + r["fahrenheit_loss"] + 0.1 * term, rel_tol=1e-4)
