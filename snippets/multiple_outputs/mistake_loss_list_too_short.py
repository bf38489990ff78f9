# --8<-- [start:lesson]
import keras
import numpy as np

# A fixed seed gives the same initial weights and data on every run.
keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])

# One loss for two outputs: no error.
model.compile(optimizer="adam", loss=["mse"])

x = np.random.rand(8, 3).astype("float32")
y = [np.random.rand(8, 1).astype("float32"), np.random.randint(0, 3, size=(8,))]
category_before = model.get_layer("category").get_weights()
history = model.fit(x, y, epochs=2, verbose=0)
category_after = model.get_layer("category").get_weights()

print("history keys:", list(history.history))
unchanged = all(np.array_equal(b, a) for b, a in zip(category_before, category_after))
print("category head unchanged by training:", unchanged)
# --8<-- [end:lesson]

assert list(history.history) == ["loss"]
assert unchanged
