import math

import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])

x = np.random.rand(32, 3).astype("float32")
y = [np.random.rand(32, 1).astype("float32"), np.random.randint(0, 3, size=(32,))]
first_half = np.repeat([1.0, 0.0], 16)  # weight 1 for samples 0-15, 0 for samples 16-31
every = np.ones(32)


def price_loss(sample_weight, batch=slice(0, 32)):
    """price_loss of one evaluate() over the samples in `batch`, as a single batch."""
    r = model.evaluate(
        x[batch], [part[batch] for part in y], sample_weight=[w[batch] for w in sample_weight],
        batch_size=32, verbose=0, return_dict=True,
    )
    return r["price_loss"]


# --8<-- [start:lesson]
model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy"])
rescaled = first_half * 32 / first_half.sum()  # weights now sum to 32, the number of samples
print(f"batch 1 (samples 0-15),  rescaled weights: {price_loss([rescaled, every], slice(0, 16)):.4f}")
print(f"batch 2 (samples 16-31), rescaled weights: {price_loss([rescaled, every], slice(16, 32)):.4f}")
# --8<-- [end:lesson]

mean_of_16 = price_loss([every, every], slice(0, 16))  # the mean over the 16 samples that count

assert math.isclose(price_loss([rescaled, every], slice(0, 16)), 2 * mean_of_16, rel_tol=1e-5)
assert price_loss([rescaled, every], slice(16, 32)) == 0.0
