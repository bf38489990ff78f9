import keras
import numpy as np


def train(loss, targets_in_a_list=False):
    """The same one-output model, data and seed each time; the loss and the targets' form vary."""
    keras.utils.set_random_seed(4)
    inputs = keras.Input(shape=(3,), name="features")
    model = keras.Model(inputs, keras.layers.Dense(1, name="price")(inputs))
    model.compile(optimizer="sgd", loss=loss)
    x = np.random.rand(32, 3).astype("float32")
    y = x.sum(axis=1, keepdims=True)
    log = model.fit(x, [y] if targets_in_a_list else y, epochs=3, batch_size=32, verbose=0).history
    return model, {key: [round(value, 4) for value in values] for key, values in log.items()}


both, both_log = train(["mse", "mae"])  # two losses, one output: no error, no warning
_, listed_log = train(["mse", "mae"], targets_in_a_list=True)  # the same, the targets as [y]
mse_only, mse_log = train("mse")
_, mae_log = train("mae")
print("loss=['mse', 'mae'], y:  ", both_log)
print("loss=['mse', 'mae'], [y]:", listed_log)
print("loss='mse':              ", mse_log)
print("loss='mae':              ", mae_log)
same = all(np.array_equal(a, b) for a, b in zip(both.get_weights(), mse_only.get_weights()))
print("weights with y the same as with 'mse' alone:", same)

assert both_log["loss"] == mse_log["loss"] != mae_log["loss"]
assert both_log["price_loss"] == [0.0, 0.0, 0.0]
assert same
# One step an epoch: the first epoch's loss is taken on the same initial weights in every run.
assert abs(listed_log["loss"][0] - (mse_log["loss"][0] + mae_log["loss"][0])) < 2e-4
assert listed_log["price_loss"][0] == mae_log["loss"][0]
