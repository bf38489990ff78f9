import keras

inputs = keras.Input(shape=(1,))
x = keras.layers.Dense(5, name="hidden")(inputs)  # building the graph works...
outputs = keras.layers.Dense(10, name="hidden")(x)
model = keras.Model(inputs, outputs)  # ...the model is where names are checked
