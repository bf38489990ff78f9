import keras
import numpy as np

# fit() starts from random weights; a fixed seed makes every run the same.
keras.utils.set_random_seed(0)

model = keras.Sequential(
    [keras.Input(shape=(1,)), keras.layers.Dense(5), keras.layers.Dense(10)]
)
model.compile(optimizer="adam", loss="mse")
model.summary()  # compiled, not trained yet

model.fit(np.zeros((8, 1)), np.zeros((8, 10)), epochs=1, verbose=0)
model.summary()  # after one epoch

names = [v.name for v in model.optimizer.variables]
print("optimizer variables:", len(names), "e.g.", names[:4])
optimizer_params = sum(v.numpy().size for v in model.optimizer.variables)
# Adam keeps two slots (momentum, velocity) per parameter, plus a step counter and the learning rate.
assert optimizer_params == 2 * 70 + 2 == 142
assert model.count_params() == 70  # the model itself did not grow
assert model.count_params() + optimizer_params == 212  # what "Total params" adds up
# Its bytes: 4 for each float32, 8 for the step counter, an int64.
assert model.optimizer.iterations.dtype == "int64"
assert sum(v.numpy().nbytes for v in model.optimizer.variables) == 141 * 4 + 8
