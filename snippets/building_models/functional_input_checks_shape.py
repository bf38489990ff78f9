import keras
import numpy as np

inputs = keras.Input(shape=(3,), name="input_layer")  # 3 numbers per sample
model = keras.Model(inputs, keras.layers.Dense(5)(inputs))

model(np.zeros((2, 4)))  # 4 numbers per sample: refused before any layer runs
