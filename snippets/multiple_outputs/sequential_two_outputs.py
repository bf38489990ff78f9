import keras

model = keras.Sequential(name="no_branches")
model.add(keras.Input(shape=(1,)))
model.add(keras.layers.Dense(5))
# Try to hang two heads off the last layer: Sequential accepts one layer at a time.
model.add([keras.layers.Dense(10), keras.layers.Dense(20)])
