import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(5), keras.layers.Dense(10)])
model(np.zeros((2, 3)))  # 3 features per sample, but the model was declared for 1
