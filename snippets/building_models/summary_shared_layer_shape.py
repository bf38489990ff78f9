import keras

# One Dense layer, called in two models on inputs of different shapes.
shared = keras.layers.Dense(5, name="shared")
steps = keras.Input(shape=(2, 3))  # 2 steps of 3 features per sample
first = keras.Model(steps, shared(steps), name="first")
features = keras.Input(shape=(3,))  # 3 features per sample
second = keras.Model(features, shared(features), name="second")

first.summary()
print("first.output_shape:", first.output_shape)
assert first.output_shape == (None, 2, 5)
