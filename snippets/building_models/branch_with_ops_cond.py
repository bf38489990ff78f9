import keras
import numpy as np


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

# The page's other claim: a Python `if` on a tensor does run under fit() once the
# model is compiled with run_eagerly=True (every step in plain Python, slower).
class PythonIf(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.small = keras.layers.Dense(1)
        self.large = keras.layers.Dense(1)

    def call(self, inputs):
        if keras.ops.mean(inputs) > 0.5:
            return self.large(inputs)
        return self.small(inputs)


eager = PythonIf()
eager.compile(optimizer="sgd", loss="mse", run_eagerly=True)
eager.fit(x, y, verbose=0)
