import keras
import numpy as np

keras.utils.set_random_seed(0)


def dense_layers():
    return [keras.layers.Dense(5), keras.layers.Dense(10)]


sequential = keras.Sequential([keras.Input(shape=(1,)), *dense_layers()])

inputs = keras.Input(shape=(1,))
first, second = dense_layers()
functional = keras.Model(inputs, second(first(inputs)))

# Give the functional model the Sequential's weights, then compare predictions.
functional.set_weights(sequential.get_weights())
x = np.linspace(-1, 1, 6).reshape(-1, 1)
same = np.allclose(sequential.predict(x, verbose=0), functional.predict(x, verbose=0))

print("parameters:", sequential.count_params(), functional.count_params())
print("same predictions:", same)
assert sequential.count_params() == functional.count_params() == 70
assert same
