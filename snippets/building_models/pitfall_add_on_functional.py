import keras

inputs = keras.Input(shape=(1,))
model = keras.Model(inputs, keras.layers.Dense(5)(inputs))

model.add(keras.layers.Dense(10))  # add() belongs to Sequential only
