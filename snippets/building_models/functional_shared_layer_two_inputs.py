import keras

# One layer, one set of weights, applied to two different inputs.
shared = keras.layers.Dense(5, name="hidden_layer1")
left = keras.Input(shape=(1,), name="left")
right = keras.Input(shape=(1,), name="right")
difference = keras.layers.Subtract(name="difference")([shared(left), shared(right)])
model = keras.Model([left, right], difference, name="siamese")

model.summary()
assert model.count_params() == 1 * 5 + 5  # the weights exist once
