import keras
import numpy as np

# Training starts from random weights: a fixed seed makes every run print the same numbers.
keras.utils.set_random_seed(7)

x = np.linspace(-1, 1, 32, dtype="float32").reshape(-1, 1)
y = x * np.arange(1, 11, dtype="float32")  # ten targets per sample: x, 2x, ..., 10x

inputs = keras.Input(shape=(1,), name="input_layer")
hidden = keras.layers.Dense(5, name="hidden_layer1")(inputs)
outputs = keras.layers.Dense(10, name="hidden_layer2")(hidden)
model = keras.Model(inputs, outputs, name="test_model")
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="mse")
history = model.fit(x, y, batch_size=4, epochs=20, verbose=0).history["loss"]
print(f"loss after epoch 1: {history[0]:.4f}, after epoch 20: {history[-1]:.4f}")

# Take the trained layer out and call it on a new input, under a new head.
trained = model.get_layer("hidden_layer1")
new_inputs = keras.Input(shape=(1,), name="new_input")
new_outputs = keras.layers.Dense(3, name="new_head")(trained(new_inputs))
new_model = keras.Model(new_inputs, new_outputs, name="new_model")
new_model.summary()

reused = new_model.get_layer("hidden_layer1")
print("the same layer object:", reused is trained)
print("the same kernel variable:", reused.kernel is trained.kernel)
assert reused is trained
assert new_model.get_layer("new_head").count_params() == 5 * 3 + 3
assert history[-1] < 0.01 < history[0]  # the layer has learned its task before it is reused

# Train only the new model, then look at the original model's layer.
before = model.get_layer("hidden_layer1").kernel.numpy()
new_model.compile(optimizer="adam", loss="mse")
new_model.fit(x, y[:, :3], epochs=2, verbose=0)
after = model.get_layer("hidden_layer1").kernel.numpy()
print("original kernel before:", before.round(4))
print("original kernel after: ", after.round(4))
assert not np.array_equal(before, after)  # training new_model moved test_model's weights
