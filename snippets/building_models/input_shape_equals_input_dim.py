import keras

with_shape = keras.Sequential([keras.layers.Dense(5, input_shape=(1,))])
with_dim = keras.Sequential([keras.layers.Dense(5, input_dim=1)])

for model in (with_shape, with_dim):
    kernel = model.layers[0].kernel
    print(f"input_shape {model.input_shape}, kernel {tuple(kernel.shape)}")

# The same input, the same kernel: the two spellings build the same layer.
assert with_shape.input_shape == with_dim.input_shape == (None, 1)
assert with_shape.layers[0].kernel.shape == with_dim.layers[0].kernel.shape
