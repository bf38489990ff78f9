import math

import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
# The only change: an L2 penalty on the shared layer's weights.
trunk = keras.layers.Dense(
    8, activation="relu", kernel_regularizer=keras.regularizers.L2(0.01), name="trunk"
)(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])
model.compile(
    optimizer="adam",
    loss=["mse", "sparse_categorical_crossentropy"],
    loss_weights=[1.0, 0.2],
)

x = np.random.rand(32, 3).astype("float32")
y_price = np.random.rand(32, 1).astype("float32")
y_category = np.random.randint(0, 3, size=(32,))
results = model.evaluate(x, [y_price, y_category], batch_size=32, verbose=0, return_dict=True)

weighted_sum = 1.0 * results["price_loss"] + 0.2 * results["category_loss"]
penalty = float(sum(model.losses))
print(f"loss               = {results['loss']:.6f}")
print(f"weighted sum       = {weighted_sum:.6f}")
print(f"L2 penalty         = {penalty:.6f}")
print(f"weighted + penalty = {weighted_sum + penalty:.6f}")
assert not math.isclose(results["loss"], weighted_sum, rel_tol=1e-6)
assert math.isclose(results["loss"], weighted_sum + penalty, rel_tol=1e-6)
