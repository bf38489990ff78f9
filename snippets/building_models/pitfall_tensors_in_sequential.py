import keras

inputs = keras.Input(shape=(1,))
hidden = keras.layers.Dense(5)(inputs)  # a tensor: the output of a called layer

model = keras.Sequential([inputs, hidden])  # Sequential wants the layers themselves
