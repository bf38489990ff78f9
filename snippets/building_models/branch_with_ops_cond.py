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
