import keras

# The same layer object twice in a row: legal, because its output fits its input.
shared = keras.layers.Dense(4, name="shared")
model = keras.Sequential([keras.Input(shape=(4,)), shared, shared])

model.summary()
assert model.count_params() == 4 * 4 + 4  # one set of weights, listed twice
