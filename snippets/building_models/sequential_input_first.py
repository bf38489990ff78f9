import warnings

# Every warning becomes an error: the run proves that Keras has nothing to warn about.
warnings.simplefilter("error")

# --8<-- [start:lesson]
import keras

model = keras.Sequential()
model.add(keras.Input(shape=(1,)))
model.add(keras.layers.Dense(5))
model.add(keras.layers.Dense(10))

model.summary()
# --8<-- [end:lesson]

assert model.count_params() == 70
