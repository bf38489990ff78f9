import math

import keras
import numpy as np

# A fixed seed gives the same initial weights and data on every run.
keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])

# --8<-- [start:lesson]
# Losses in a list, their weights in a dict keyed by the output names.
model.compile(
    optimizer="adam",
    loss=["mse", "sparse_categorical_crossentropy"],
    loss_weights={"price": 1.0, "category": 0.2},
)

x = np.random.rand(32, 3).astype("float32")
y = [np.random.rand(32, 1).astype("float32"), np.random.randint(0, 3, size=(32,))]
results = model.evaluate(x, y, batch_size=32, verbose=0, return_dict=True)
for name, value in results.items():
    print(f"{name:>14}: {value:.6f}")

meant = 1.0 * results["price_loss"] + 0.2 * results["category_loss"]
swapped = 0.2 * results["price_loss"] + 1.0 * results["category_loss"]
print(f"1.0 * price_loss + 0.2 * category_loss = {meant:.6f}")
print(f"0.2 * price_loss + 1.0 * category_loss = {swapped:.6f}")
# --8<-- [end:lesson]

# The dict's values were taken in the order of its sorted keys (category, price)
# and given to the losses by position: price got 0.2, category 1.0.
assert math.isclose(results["loss"], swapped, rel_tol=1e-6)
assert not math.isclose(results["loss"], meant, rel_tol=1e-3)
