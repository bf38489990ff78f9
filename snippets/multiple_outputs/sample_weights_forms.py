import math

import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
as_list = keras.Model(inputs, [price, category])
as_dict = keras.Model(inputs, {"price": price, "category": category})  # same layers
as_list.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy"])
as_dict.compile(optimizer="adam", loss={"price": "mse", "category": "sparse_categorical_crossentropy"})

x = np.random.rand(32, 3).astype("float32")
y_price = np.random.rand(32, 1).astype("float32")
y_category = np.random.randint(0, 3, size=(32,))

# --8<-- [start:lesson]
first_half = np.repeat([1.0, 0.0], 16)  # weight 1 for samples 0-15, 0 for samples 16-31
every = np.ones(32)


def losses(model, y, sample_weight=None):
    r = model.evaluate(x, y, sample_weight=sample_weight, batch_size=32, verbose=0, return_dict=True)
    return {key: round(r[key], 4) for key in ("price_loss", "category_loss")}


print("no weights:   ", losses(as_list, [y_price, y_category]))
print("list, 1 each: ", losses(as_list, [y_price, y_category], [first_half, every]))
print("one for all:  ", losses(as_list, [y_price, y_category], first_half))
print("dict outputs: ", losses(as_dict, {"price": y_price, "category": y_category},
                               {"price": first_half, "category": every}))
# --8<-- [end:lesson]

plain = losses(as_list, [y_price, y_category])
per_output = losses(as_list, [y_price, y_category], [first_half, every])
one = losses(as_list, [y_price, y_category], first_half)
named = losses(as_dict, {"price": y_price, "category": y_category}, {"price": first_half, "category": every})
assert per_output == named
assert per_output["category_loss"] == plain["category_loss"]  # weights of 1 change nothing
assert one["price_loss"] == per_output["price_loss"] and one["category_loss"] != plain["category_loss"]

# A weight of 0 removes a sample, but the mean still divides by all 32 samples:
first_16 = as_list.evaluate(x[:16], [y_price[:16], y_category[:16]], verbose=0, return_dict=True)
assert math.isclose(per_output["price_loss"], 0.5 * first_16["price_loss"], abs_tol=1e-4)

# One weight array per output is required when weights come as a list.
try:
    as_list.evaluate(x, [y_price, y_category], sample_weight=[first_half], verbose=0)
    raise AssertionError("expected a ValueError")
except ValueError as error:
    assert "You should provide one `sample_weight` array per output" in str(error)

# The weights must have the structure of the targets too: a list of weights with a dict of
# targets (or the reverse) fails with the same message, before any output is looked up.
for targets, weights in (
    ({"price": y_price, "category": y_category}, [first_half, every]),
    ([y_price, y_category], {"price": first_half, "category": every}),
):
    try:
        as_list.evaluate(x, targets, sample_weight=weights, verbose=0)
        raise AssertionError("expected a ValueError")
    except ValueError as error:
        assert "You should provide one `sample_weight` array per output in `y`" in str(error)
