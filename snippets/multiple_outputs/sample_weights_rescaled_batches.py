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
rescaled_1 = price_loss([rescaled, every], slice(0, 16))
rescaled_2 = price_loss([rescaled, every], slice(16, 32))
print(f"batch 1 (samples 0-15),  rescaled weights: {rescaled_1:.4f}")
print(f"batch 2 (samples 16-31), rescaled weights: {rescaled_2:.4f}")

model.compile(
    optimizer="adam",
    loss=[
        keras.losses.MeanSquaredError(reduction="mean_with_sample_weight"),
        "sparse_categorical_crossentropy",
    ],
)
step_1 = price_loss([first_half, every], slice(0, 16))
step_2 = price_loss([first_half, every], slice(16, 32))
print(f"batch 1 (samples 0-15),  mean_with_sample_weight: {step_1:.4f}")
print(f"batch 2 (samples 16-31), mean_with_sample_weight: {step_2:.4f}")
logged = {}
for batch_size in (32, 16):
    logged[batch_size] = model.evaluate(
        x, y, sample_weight=[first_half, every], batch_size=batch_size, verbose=0,
        return_dict=True,
    )["price_loss"]
    print(f"evaluate(batch_size={batch_size}) reports price_loss {logged[batch_size]:.4f}")
# --8<-- [end:lesson]

mean_of_16 = price_loss([every, every], slice(0, 16))  # the mean over the 16 samples that count

assert math.isclose(rescaled_1, 2 * mean_of_16, rel_tol=1e-5)
assert rescaled_2 == 0.0
assert math.isclose(step_1, mean_of_16, rel_tol=1e-5)  # the right mean within batch 1
assert step_2 == 0.0  # no weights at all: 0, not NaN
assert math.isclose(logged[32], mean_of_16, rel_tol=1e-5)  # one batch: the right mean
# Two batches: the logged value averages them, each batch counted once, not by their weights.
assert math.isclose(logged[16], (step_1 + step_2) / 2, rel_tol=1e-5)
assert math.isclose(logged[16], 0.5 * mean_of_16, rel_tol=1e-5)
