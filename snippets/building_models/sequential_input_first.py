import warnings

import keras

# Turn every warning into an error: if Keras still complained, this would fail.
warnings.simplefilter("error")

model = keras.Sequential()
model.add(keras.Input(shape=(1,)))
model.add(keras.layers.Dense(5))
model.add(keras.layers.Dense(10))

model.summary()
assert model.count_params() == 70
