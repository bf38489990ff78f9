import keras

# The article names its Input 'input_layer', which is also what Keras 3
# calls the first Input you leave unnamed.
numbers = keras.Input(shape=(1,), name="input_layer")
extra = keras.Input(shape=(1,))

added = keras.layers.Add()([numbers, extra])
model = keras.Model([numbers, extra], added)
