import keras

model = keras.Sequential([keras.layers.Dense(5), keras.layers.Dense(10)])
model.build(input_shape=(None, 1))  # None: any number of samples per batch

model.summary()
assert model.built and model.count_params() == 70
