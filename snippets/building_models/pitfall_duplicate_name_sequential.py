import keras

model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(5, name="hidden")])
model.add(keras.layers.Dense(10, name="hidden"))
