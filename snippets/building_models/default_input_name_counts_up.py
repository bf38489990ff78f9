import keras

# An earlier model in the same session, with an Input left unnamed.
earlier_input = keras.Input(shape=(1,))
earlier = keras.Model(earlier_input, keras.layers.Dense(1)(earlier_input))
print("earlier model's input:", earlier.layers[0].name)

# The article's naming again: it no longer clashes, because the counter has moved on.
numbers = keras.Input(shape=(1,), name="input_layer")
extra = keras.Input(shape=(1,))
model = keras.Model([numbers, extra], keras.layers.Add()([numbers, extra]))
print("this model's inputs:  ", [layer.name for layer in model.layers[:2]])

assert earlier.layers[0].name == "input_layer"
assert [layer.name for layer in model.layers[:2]] == ["input_layer", "input_layer_1"]
