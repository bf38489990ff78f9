import keras

model = keras.Sequential()
model.add(keras.layers.Dense(5))
model.add(keras.layers.Dense(10))

model.summary()
assert not model.built
