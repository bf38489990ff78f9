import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(5)


# --8<-- [start:layer]
class PickABranch(keras.layers.Layer):
    """A layer whose output depends on its input's values, written with keras.ops.cond."""

    def build(self, input_shape):
        self.small = keras.layers.Dense(1, name="small")
        self.large = keras.layers.Dense(1, name="large")
        self.small.build(input_shape)
        self.large.build(input_shape)

    def call(self, inputs):
        return keras.ops.cond(
            keras.ops.mean(inputs) > 0.5,
            lambda: self.large(inputs),
            lambda: self.small(inputs),
        )


inputs = keras.Input(shape=(2,), name="numbers")
model = keras.Model(inputs, PickABranch(name="pick")(inputs))  # an ordinary functional model
model.compile(optimizer="sgd", loss="mse")
# --8<-- [end:layer]

x = np.random.rand(8, 2).astype("float32")
y = np.random.rand(8, 1).astype("float32")
history = model.fit(x, y, epochs=2, verbose=0)
print("functional model with keras.ops.cond, loss per epoch:", [round(v, 4) for v in history.history["loss"]])
assert model.count_params() == 6  # both branches' weights exist: 2 x (2 + 1)


# --8<-- [start:per_sample]
class PickPerSample(PickABranch):
    """The same choice made for each sample (row) on its own, with keras.ops.where."""

    def call(self, inputs):
        is_large = keras.ops.mean(inputs, axis=-1, keepdims=True) > 0.5  # one answer per row
        return keras.ops.where(is_large, self.large(inputs), self.small(inputs))


per_sample = PickPerSample(name="per_sample")
per_batch = model.get_layer("pick")
per_sample.build((None, 2))
per_sample.set_weights(per_batch.get_weights())  # same two Dense layers, same weights

sample = np.array([[0.9, 0.9]], dtype="float32")  # clearly "large" on its own
low = np.array([[0.0, 0.0]] * 3, dtype="float32")  # three companions with a low mean
together = np.concatenate([sample, low])
for name, layer in [("cond ", per_batch), ("where", per_sample)]:
    alone, in_batch = float(layer(sample)[0, 0]), float(layer(together)[0, 0])
    print(f"{name}: the sample alone {alone:.4f}, the same sample in a low batch {in_batch:.4f}")
# --8<-- [end:per_sample]

assert not np.allclose(per_batch(sample)[0], per_batch(together)[0])  # depends on the batch
assert np.allclose(per_sample(sample)[0], per_sample(together)[0])  # does not
assert np.allclose(per_sample(sample)[0], per_batch(sample)[0])  # same branch when alone


# The page's other claims about a Python `if` on a tensor under fit().
class PythonIf(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.small = keras.layers.Dense(1)
        self.large = keras.layers.Dense(1)

    def call(self, inputs):
        if keras.ops.mean(inputs) > 0.5:
            return self.large(inputs)
        return self.small(inputs)


# 1. It runs once the model is compiled with run_eagerly=True (every step in plain Python).
eager = PythonIf()
eager.compile(optimizer="sgd", loss="mse", run_eagerly=True)
eager.fit(x, y, verbose=0)


# 2. On the TensorFlow backend, @tf.function on call() turns AutoGraph back on for that
#    method alone, and fit() runs: the error message's advice, which ties the model to TF.
class PythonIfAutoGraph(PythonIf):
    @tf.function
    def call(self, inputs):
        if keras.ops.mean(inputs) > 0.5:
            return self.large(inputs)
        return self.small(inputs)


converted = PythonIfAutoGraph()
converted(x)
converted.compile(optimizer="sgd", loss="mse")
converted.fit(x, y, verbose=0)
