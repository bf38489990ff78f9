import math

import keras
import numpy as np

keras.utils.set_random_seed(11)
x = np.random.rand(64, 2).astype("float32")
celsius = x @ np.array([[20.0], [10.0]], dtype="float32")
y = {"celsius": celsius, "fahrenheit": celsius * 1.8 + 32}


mse = keras.losses.MeanSquaredError()


def disagreement(y_pred):
    return mse(y_pred["celsius"] * 1.8 + 32, y_pred["fahrenheit"])


# The model of the "compute_loss" tab, trained for one epoch.
class Consistent(keras.Model):
    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        loss = super().compute_loss(x, y, y_pred, sample_weight, training)
        return loss + 0.1 * disagreement(y_pred)


inputs = keras.Input(shape=(2,), name="readings")
trunk = keras.layers.Dense(16, activation="relu", name="trunk")(inputs)
model = Consistent(inputs, {
    "celsius": keras.layers.Dense(1, name="celsius")(trunk),
    "fahrenheit": keras.layers.Dense(1, name="fahrenheit")(trunk),
})
model.compile(optimizer="adam", loss={"celsius": "mse", "fahrenheit": "mse"})
model.fit(x, y, epochs=1, batch_size=64, verbose=0)

# --8<-- [start:lesson]
model.save("consistent.keras")  # saving needs nothing more
try:
    keras.saving.load_model("consistent.keras")
except TypeError as error:
    print("without the class:", str(error).split(". ")[0])

loaded = keras.saving.load_model("consistent.keras", custom_objects={"Consistent": Consistent})
print("with custom_objects:", type(loaded).__name__)
# --8<-- [end:lesson]

assert type(loaded) is Consistent
assert np.allclose(loaded.predict(x, verbose=0)["celsius"], model.predict(x, verbose=0)["celsius"])
r = model.evaluate(x, y, batch_size=64, verbose=0, return_dict=True)
loaded_r = loaded.evaluate(x, y, batch_size=64, verbose=0, return_dict=True)
assert math.isclose(loaded_r["loss"], r["loss"], rel_tol=1e-5)  # the loaded model adds the term too
term = float(disagreement(loaded.predict(x, verbose=0)))
per_output = loaded_r["celsius_loss"] + loaded_r["fahrenheit_loss"]
assert math.isclose(loaded_r["loss"], per_output + 0.1 * term, rel_tol=1e-4)
