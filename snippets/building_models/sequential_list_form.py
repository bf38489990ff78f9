import warnings

import keras

warnings.simplefilter("error")

model = keras.Sequential(
    [
        keras.Input(shape=(1,)),
        keras.layers.Dense(5),
        keras.layers.Dense(10),
    ]
)

model.summary()
assert model.count_params() == 70
