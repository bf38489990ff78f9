import keras

model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(5)])
model.add(keras.Input(shape=(1,)))  # a second input, even of the same shape, has nowhere to go
