import keras
import numpy as np


# --8<-- [start:lesson]
@keras.saving.register_keras_serializable(package="docs")
class Scaled(keras.Model):
    """`factor` only scales the output: no weight depends on it."""

    def __init__(self, factor=1.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor
        self.dense = keras.layers.Dense(1)

    def call(self, inputs):
        return self.dense(inputs) * self.factor


@keras.saving.register_keras_serializable(package="docs")
class Wide(keras.Model):
    """`units` sets the shape of the hidden layer's kernel."""

    def __init__(self, units=5, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.hidden = keras.layers.Dense(units)
        self.out = keras.layers.Dense(1)

    def call(self, inputs):
        return self.out(self.hidden(inputs))


x = np.ones((2, 3), dtype="float32")
for model in [Scaled(factor=3.0), Wide(units=8)]:
    before = np.asarray(model(x))
    model.save("model.keras")
    try:
        restored = keras.saving.load_model("model.keras")
        same = np.allclose(before, np.asarray(restored(x)))
        print(f"{type(model).__name__}: loads, factor={restored.factor}, same outputs: {same}")
    except ValueError as error:
        print(f"{type(model).__name__}: fails:", str(error).splitlines()[2])
# --8<-- [end:lesson]

assert not same  # Scaled reloaded with the default factor=1.0, silently
wide = Wide(units=8)
wide(x)
wide.save("wide.keras")
try:
    keras.saving.load_model("wide.keras")
    raise AssertionError("expected loading Wide(units=8) without get_config() to fail")
except ValueError as error:
    assert "expected 2 variables, but received 0 variables" in str(error)
scaled = Scaled(factor=3.0)
scaled(x)
scaled.save("scaled.keras")
assert keras.saving.load_model("scaled.keras").factor == 1.0
assert Scaled(factor=3.0).get_config()["factor"] == 1.0  # what the file records


# An argument without a default: saving itself fails.
class NoDefault(keras.Model):
    def __init__(self, factor, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor
        self.dense = keras.layers.Dense(1)

    def call(self, inputs):
        return self.dense(inputs) * self.factor


no_default = NoDefault(factor=3.0)
no_default(x)
try:
    no_default.save("no_default.keras")
    raise AssertionError("expected saving without get_config() to fail")
except NotImplementedError:
    pass


# Only keras.Model subclasses lose the values: Model.__new__ calls super().__new__(cls) without
# the arguments. A custom Layer with simple arguments records the values it was given.
class ScaledLayer(keras.layers.Layer):
    def __init__(self, factor=1.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, inputs):
        return inputs * self.factor


assert ScaledLayer(factor=3.0).get_config()["factor"] == 3.0
