import keras

model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(5)])
model.add(keras.Input(shape=(3,)))  # a second input has nowhere to go
