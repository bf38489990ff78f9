import keras
import numpy as np

keras.utils.set_random_seed(5)


# --8<-- [start:lesson]
class Refine(keras.Model):
    def __init__(self, steps=3, **kwargs):
        super().__init__(**kwargs)
        self.steps = steps
        self.blocks = [keras.layers.Dense(4, activation="relu") for _ in range(steps)]
        self.out = keras.layers.Dense(1)

    def call(self, inputs):
        x = inputs
        for block in self.blocks:  # a fixed number of turns: fine under fit()
            x = x + block(x)
        return self.out(x)


class HalveUntilSmall(keras.layers.Layer):
    """Halves its input until every value is at most 1: how many turns depends on the data."""

    def call(self, inputs):
        (result,) = keras.ops.while_loop(
            lambda x: keras.ops.max(keras.ops.abs(x)) > 1.0,  # condition on a tensor's value
            lambda x: (x / 2,),
            (inputs,),
        )
        return result


inputs = keras.Input(shape=(4,), name="numbers")
outputs = Refine(name="refine")(HalveUntilSmall(name="halve")(inputs))
model = keras.Model(inputs, outputs)
model.compile(optimizer="sgd", loss="mse")
x = np.random.rand(16, 4).astype("float32") * 10
y = np.random.rand(16, 1).astype("float32")
history = model.fit(x, y, epochs=2, verbose=0)
print("loss per epoch:", [round(v, 4) for v in history.history["loss"]])
# --8<-- [end:lesson]

halved = model.get_layer("halve")(x)
assert float(keras.ops.max(keras.ops.abs(halved))) <= 1.0
assert len(history.history["loss"]) == 2 and all(np.isfinite(history.history["loss"]))
