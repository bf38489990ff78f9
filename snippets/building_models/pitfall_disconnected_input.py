import keras

first_input = keras.Input(shape=(1,))
hidden = keras.layers.Dense(5)(first_input)

second_input = keras.Input(shape=(1,))  # a fresh Input, not the one hidden came from
model = keras.Model(second_input, hidden)
