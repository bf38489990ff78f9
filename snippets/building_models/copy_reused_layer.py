import keras
import numpy as np

keras.utils.set_random_seed(7)
x = np.linspace(-1, 1, 32, dtype="float32").reshape(-1, 1)
y = x * np.arange(1, 11, dtype="float32")

inputs = keras.Input(shape=(1,), name="input_layer")
trained = keras.layers.Dense(5, name="hidden_layer1")
model = keras.Model(inputs, keras.layers.Dense(10)(trained(inputs)), name="test_model")
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=2, verbose=0)

# A copy: a new layer from the trained one's configuration, given its weights once it is built.
copy = keras.layers.Dense.from_config(trained.get_config())
new_inputs = keras.Input(shape=(1,), name="new_input")
new_outputs = keras.layers.Dense(3, name="new_head")(copy(new_inputs))
new_model = keras.Model(new_inputs, new_outputs, name="new_model")
copy.set_weights(trained.get_weights())
print("the same layer object:", copy is trained)
print("the same values:", np.array_equal(copy.kernel.numpy(), trained.kernel.numpy()))

# Training the new model moves the copy only.
before = trained.kernel.numpy()
new_model.compile(optimizer="adam", loss="mse")
new_model.fit(x, y[:, :3], epochs=2, verbose=0)
print("original kernel unchanged:", np.array_equal(before, trained.kernel.numpy()))
print("copy's kernel changed:", not np.array_equal(before, copy.kernel.numpy()))
assert copy is not trained
assert np.array_equal(before, trained.kernel.numpy())
assert not np.array_equal(before, copy.kernel.numpy())
