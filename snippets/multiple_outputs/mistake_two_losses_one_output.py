import keras
import numpy as np


def train(loss):
    """The same one-output model, data and seed each time: only the loss changes."""
    keras.utils.set_random_seed(4)
    inputs = keras.Input(shape=(3,), name="features")
    model = keras.Model(inputs, keras.layers.Dense(1, name="price")(inputs))
    model.compile(optimizer="sgd", loss=loss)
    x = np.random.rand(32, 3).astype("float32")
    y = x.sum(axis=1, keepdims=True)
    log = model.fit(x, y, epochs=3, batch_size=32, verbose=0).history
    return model, {key: [round(value, 4) for value in values] for key, values in log.items()}


both, both_log = train(["mse", "mae"])  # two losses, one output: no error, no warning
mse_only, mse_log = train("mse")
mae_only, mae_log = train("mae")
print("loss=['mse', 'mae']:", both_log)
print("loss='mse':         ", mse_log)
print("loss='mae':         ", mae_log)
same = all(np.array_equal(a, b) for a, b in zip(both.get_weights(), mse_only.get_weights()))
print("weights the same as with 'mse' alone:", same)

assert both_log["loss"] == mse_log["loss"] != mae_log["loss"]
assert both_log["price_loss"] == [0.0, 0.0, 0.0]
assert same
