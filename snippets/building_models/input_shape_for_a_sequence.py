import keras

# Each sample is a sequence: 3 time steps of 4 features.
old_style = keras.Sequential([keras.layers.LSTM(8, input_shape=(3, 4))])
new_style = keras.Sequential([keras.Input(shape=(3, 4)), keras.layers.LSTM(8)])

print("input_shape= in the layer:", old_style.input_shape)
print("Input first:              ", new_style.input_shape)
assert old_style.input_shape == new_style.input_shape == (None, 3, 4)
