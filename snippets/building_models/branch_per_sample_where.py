import keras
import numpy as np

keras.utils.set_random_seed(5)
small = keras.layers.Dense(1, name="small")
large = keras.layers.Dense(1, name="large")


# --8<-- [start:lesson]
def per_batch(inputs):
    """keras.ops.cond: one answer for the whole batch."""
    return keras.ops.cond(keras.ops.mean(inputs) > 0.5, lambda: large(inputs), lambda: small(inputs))


def per_sample(inputs):
    """keras.ops.where: both branches computed, one answer per sample (row)."""
    is_large = keras.ops.mean(inputs, axis=-1, keepdims=True) > 0.5
    return keras.ops.where(is_large, large(inputs), small(inputs))


sample = np.array([[0.9, 0.9]], dtype="float32")  # clearly "large" on its own
low = np.zeros((3, 2), dtype="float32")  # three companions with a low mean
together = np.concatenate([sample, low])
for pick in [per_batch, per_sample]:
    alone, in_batch = float(pick(sample)[0, 0]), float(pick(together)[0, 0])
    print(f"{pick.__name__:>10}: the sample alone {alone:.4f}, in a low batch {in_batch:.4f}")
# --8<-- [end:lesson]

assert not np.isclose(float(per_batch(sample)[0, 0]), float(per_batch(together)[0, 0]))
assert np.isclose(float(per_sample(sample)[0, 0]), float(per_sample(together)[0, 0]))
assert np.isclose(float(per_sample(sample)[0, 0]), float(per_batch(sample)[0, 0]))
