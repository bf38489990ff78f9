import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(5)])

# Samples of 3 numbers, but the batch axis is missing: 4 numbers, one axis.
model(np.zeros((4,)))
