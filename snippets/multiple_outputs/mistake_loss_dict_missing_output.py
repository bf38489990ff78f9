import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, {"price": price, "category": category})  # dict outputs

# --8<-- [start:lesson]
model.compile(
    optimizer="adam",
    loss={"price": "mse"},  # no entry for "category": accepted
    metrics={"category": ["accuracy"]},  # metrics for one output only: accepted too
)
# --8<-- [end:lesson]

x = np.random.rand(32, 3).astype("float32")
y = {"price": np.random.rand(32, 1).astype("float32"), "category": np.random.randint(0, 3, size=(32,))}
before = model.get_layer("category").get_weights()
history = model.fit(x, y, epochs=2, verbose=0)
after = model.get_layer("category").get_weights()

print("history keys:", list(history.history))
unchanged = all(np.array_equal(b, a) for b, a in zip(before, after))
print("category head unchanged by training:", unchanged)
assert list(history.history) == ["category_accuracy", "loss"]
assert unchanged

# The same partial dict on outputs declared as a list is refused at the first fit().
as_list = keras.Model(inputs, [price, category])
as_list.compile(optimizer="adam", loss={"price": "mse"})
try:
    as_list.fit(x, [y["price"], y["category"]], verbose=0)
    raise AssertionError("expected a ValueError")
except ValueError as error:
    assert "Expected keys ['price', 'category'] in loss dict" in str(error)

# Naming the output with None is accepted for both kinds of outputs.
as_list.compile(optimizer="adam", loss={"price": "mse", "category": None})
as_list.fit(x, [y["price"], y["category"]], verbose=0)
