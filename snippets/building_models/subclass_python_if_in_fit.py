import keras
import numpy as np


class PickABranch(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.small = keras.layers.Dense(1, name="small")
        self.large = keras.layers.Dense(1, name="large")

    def call(self, inputs):
        if keras.ops.mean(inputs) > 0.5:  # a Python `if` on a tensor's value
            return self.large(inputs)
        return self.small(inputs)


x = np.random.rand(8, 2).astype("float32")
y = np.random.rand(8, 1).astype("float32")

model = PickABranch()
print("called directly:", model(x).shape)  # eager: the `if` sees a real number

model.compile(optimizer="sgd", loss="mse")
model.fit(x, y, verbose=0)  # fit() traces call() into a graph: the `if` has no number to test
