import keras
import numpy as np


@keras.saving.register_keras_serializable(package="docs")
class TwoDense(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden_layer1 = keras.layers.Dense(5)
        self.hidden_layer2 = keras.layers.Dense(10)

    def call(self, inputs):
        return self.hidden_layer2(self.hidden_layer1(inputs))


def two_dense_layers():
    return [keras.layers.Dense(5), keras.layers.Dense(10)]


inputs = keras.Input(shape=(1,))
first, second = two_dense_layers()
models = {
    "sequential": keras.Sequential([keras.Input(shape=(1,)), *two_dense_layers()]),
    "functional": keras.Model(inputs, second(first(inputs))),
    "subclassed": TwoDense(),
}

x = np.ones((2, 1), dtype="float32")
for kind, model in models.items():
    before = np.asarray(model(x))  # calling also builds the subclassed model
    model.save(f"{kind}.keras")
    restored = keras.saving.load_model(f"{kind}.keras")
    same = np.allclose(before, np.asarray(restored(x)))
    print(f"{kind}: reloaded as {type(restored).__name__}, same outputs: {same}")
    assert same
