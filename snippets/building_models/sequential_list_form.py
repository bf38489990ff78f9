import warnings

import keras

warnings.simplefilter("error")  # any warning from Keras would stop this run

model = keras.Sequential(
    [
        keras.Input(shape=(1,)),
        keras.layers.Dense(5),
        keras.layers.Dense(10),
    ]
)

model.summary()
assert model.count_params() == 70
