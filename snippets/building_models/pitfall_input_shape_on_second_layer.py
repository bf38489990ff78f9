import keras
import numpy as np

model = keras.Sequential(
    [
        keras.layers.Dense(5),
        keras.layers.Dense(10, input_shape=(1,)),  # only the first layer's is read
    ]
)
print("built:", model.built)

# Data with 3 features goes through: the (1,) above was never used.
print("output:", model(np.zeros((2, 3))).shape)
print("input_shape:", model.input_shape)
assert model.input_shape == (2, 3)
