import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(5)])

# One extra last axis of size 1 is squeezed away: (2, 3, 1) is taken as (2, 3).
print("(2, 3, 1) in:", tuple(model(np.zeros((2, 3, 1))).shape))
assert tuple(model(np.zeros((2, 3, 1))).shape) == (2, 5)

# Samples of 3 numbers, but the batch axis is missing: 4 numbers, one axis.
model(np.zeros((4,)))
