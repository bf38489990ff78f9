import math

import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])
model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy"])

x = np.random.rand(32, 3).astype("float32")
y_category = np.random.randint(0, 3, size=(32,))

# --8<-- [start:lesson]
y_price = np.random.rand(32, 1).astype("float32")
y_price[16:] = np.nan  # samples 16-31 have no known price
has_price = (~np.isnan(y_price[:, 0])).astype("float32")  # 1 where known, 0 where missing
weights = [has_price, np.ones(32)]


def price_loss(y_price):
    r = model.evaluate(x, [y_price, y_category], sample_weight=weights, verbose=0, return_dict=True)
    return r["price_loss"]


print(f"NaN targets, weight 0:      {price_loss(y_price):.4f}")
print(f"filled with 0, weight 0:    {price_loss(np.nan_to_num(y_price, nan=0.0)):.4f}")
print(f"filled with 99, weight 0:   {price_loss(np.nan_to_num(y_price, nan=99.0)):.4f}")
print(f"filled with 1e20, weight 0: {price_loss(np.nan_to_num(y_price, nan=1e20)):.4f}")
# --8<-- [end:lesson]

assert math.isnan(price_loss(y_price))
zero, big = price_loss(np.nan_to_num(y_price, nan=0.0)), price_loss(np.nan_to_num(y_price, nan=99.0))
assert math.isfinite(zero) and zero == big  # the placeholder's value does not matter
assert math.isnan(price_loss(np.nan_to_num(y_price, nan=1e20)))  # as long as its loss stays finite

# Training on the NaN targets turns the model's weights into NaN as well.
model.fit(x, [y_price, y_category], sample_weight=weights, verbose=0)
assert any(np.isnan(w).any() for w in model.get_weights())
