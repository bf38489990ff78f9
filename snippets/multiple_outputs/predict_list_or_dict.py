import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)

# Three models over the same layers: a list, a tuple and a dict of outputs.
as_list = keras.Model(inputs, [price, category])
as_tuple = keras.Model(inputs, (price, category))
as_dict = keras.Model(inputs, {"price": price, "category": category})

x = np.random.rand(5, 3).astype("float32")
from_list = as_list.predict(x, verbose=0)
from_tuple = as_tuple.predict(x, verbose=0)
from_dict = as_dict.predict(x, verbose=0)

print(type(from_list).__name__, [part.shape for part in from_list])
print(type(from_tuple).__name__, [part.shape for part in from_tuple])
print(type(from_dict).__name__, {name: part.shape for name, part in from_dict.items()})

assert (type(from_list), type(from_tuple), type(from_dict)) == (list, tuple, dict)
assert [part.shape for part in from_list] == [(5, 1), (5, 3)]
np.testing.assert_array_equal(from_list[0], from_dict["price"])
np.testing.assert_array_equal(from_tuple[1], from_dict["category"])
