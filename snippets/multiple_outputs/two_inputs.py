import keras
import numpy as np

# A fixed seed gives the same initial weights and data on every run.
keras.utils.set_random_seed(5)

measurements = keras.Input(shape=(3,), name="measurements")
location = keras.Input(shape=(2,), name="location")
joined = keras.layers.Concatenate(name="joined")([measurements, location])
hidden = keras.layers.Dense(8, activation="relu", name="hidden")(joined)
price = keras.layers.Dense(1, name="price")(hidden)
model = keras.Model([measurements, location], price, name="two_inputs")
model.summary()

model.compile(optimizer="adam", loss="mse")
n = 32
x = {
    "measurements": np.random.rand(n, 3).astype("float32"),
    "location": np.random.rand(n, 2).astype("float32"),
}
y = np.random.rand(n, 1).astype("float32")
model.fit(x, y, epochs=2, verbose=0)
print(model.predict(x, verbose=0).shape)
assert model.count_params() == (5 * 8 + 8) + (8 * 1 + 1)
