import math

import keras
import numpy as np

# A fixed seed gives the same initial weights and data on every run.
keras.utils.set_random_seed(3)

# --8<-- [start:lesson]
inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])

# One entry per output, in the order of the outputs list.
model.compile(
    optimizer="adam",
    loss=["mse", "sparse_categorical_crossentropy"],
    loss_weights=[1.0, 0.2],
)

x = np.random.rand(32, 3).astype("float32")
y_price = np.random.rand(32, 1).astype("float32")
y_category = np.random.randint(0, 3, size=(32,))

# One batch holds all 32 samples, so each number below comes from a single computation.
results = model.evaluate(x, [y_price, y_category], batch_size=32, verbose=0, return_dict=True)
for name, value in results.items():
    print(f"{name:>14}: {value:.6f}")

weighted_sum = 1.0 * results["price_loss"] + 0.2 * results["category_loss"]
print(f"1.0 * price_loss + 0.2 * category_loss = {weighted_sum:.6f}")
# --8<-- [end:lesson]

assert math.isclose(results["loss"], weighted_sum, rel_tol=1e-6)
