import keras
import numpy as np

model = keras.Sequential([keras.layers.Dense(5), keras.layers.Dense(10)])
batch = np.zeros((4, 1), dtype="float32")  # 4 samples of 1 feature
model(batch)  # the first call builds every layer

model.summary()
print("input_shape:", model.input_shape)
assert model.count_params() == 70
assert model.input_shape == (4, 1)  # the first batch's size was recorded

# The model still accepts any batch size.
print("7 samples in:", model.predict(np.zeros((7, 1)), verbose=0).shape)
