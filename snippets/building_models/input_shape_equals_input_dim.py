import keras

with_shape = keras.Sequential([keras.layers.Dense(5, input_shape=(1,))])
with_dim = keras.Sequential([keras.layers.Dense(5, input_dim=1)])

for model in (with_shape, with_dim):
    kernel = model.layers[0].kernel
    print(f"input_shape {model.input_shape}, kernel {tuple(kernel.shape)}")

# The same input, the same kernel: the two spellings build the same layer.
assert with_shape.input_shape == with_dim.input_shape == (None, 1)
assert with_shape.layers[0].kernel.shape == with_dim.layers[0].kernel.shape

# Python shows a warning once per line it is attributed to: the line in Keras that passes the
# shape on. Layers that share a base class share that line, and so the warning.
import warnings  # noqa: E402

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")  # Python's usual rule: once per line of code
    for layer in (keras.layers.LSTM, keras.layers.GRU):  # both pass it on in rnn.py
        layer(8, input_shape=(3, 4))
    keras.layers.Conv1D(2, 3, input_shape=(5, 1))  # both pass it on in base_conv.py
    keras.layers.Conv2D(2, 3, input_shape=(5, 5, 1))
    keras.layers.Dense(5, input_shape=(1,))  # a line of its own: once more
files = [w.filename.replace("\\", "/").split("/")[-1] for w in caught]
assert files == ["rnn.py", "base_conv.py", "dense.py"], files
