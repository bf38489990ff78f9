import keras
import numpy as np

keras.utils.set_random_seed(7)

inputs = keras.Input(shape=(1,), name="input_layer")
hidden = keras.layers.Dense(5, name="hidden_layer1")(inputs)
original = keras.Model(inputs, hidden, name="original")
shared = original.get_layer("hidden_layer1")
shared.trainable = False  # keep its weights as they are: only the new head learns

new_inputs = keras.Input(shape=(1,), name="new_input")
new_outputs = keras.layers.Dense(3, name="new_head")(shared(new_inputs))
new_model = keras.Model(new_inputs, new_outputs, name="new_model")
new_model.summary(show_trainable=True, positions=[0.45, 0.75, 0.9])  # room for the Trainable header

before = shared.kernel.numpy()
new_model.compile(optimizer="adam", loss="mse")
x = np.linspace(-1, 1, 32, dtype="float32").reshape(-1, 1)
new_model.fit(x, np.hstack([x, -x, 2 * x]), epochs=2, verbose=0)
print("frozen kernel unchanged:", np.array_equal(before, shared.kernel.numpy()))
assert np.array_equal(before, shared.kernel.numpy())
assert len(new_model.trainable_weights) == 2  # new_head's kernel and bias only
assert sum(w.numpy().size for w in new_model.non_trainable_weights) == 10
