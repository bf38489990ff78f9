import keras
import numpy as np

model = keras.Sequential(
    [keras.Input(shape=(1,)), keras.layers.Dense(5), keras.layers.Dense(10)]
)
print("output_shape:", model.output_shape)  # None: the batch size is not fixed

for samples in (1, 3, 50):
    predictions = model.predict(np.zeros((samples, 1)), verbose=0)
    print(f"{samples} samples in -> {predictions.shape} out")
    assert predictions.shape == (samples, 10)
