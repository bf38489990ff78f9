# --8<-- [start:lesson]
import keras
import numpy as np

keras.utils.set_random_seed(1)  # the same weights and data on every run

# 1. Build: one input, a shared trunk, one head per task, outputs in a dict.
inputs = keras.Input(shape=(4,), name="features")
trunk = keras.layers.Dense(16, activation="relu", name="trunk")(inputs)
outputs = {
    "price": keras.layers.Dense(1, name="price")(trunk),
    "category": keras.layers.Dense(3, activation="softmax", name="category")(trunk),
}
model = keras.Model(inputs, outputs)

# 2. Compile: a loss per output, and how much each counts in the total.
model.compile(
    optimizer="adam",
    loss={"price": "mse", "category": "sparse_categorical_crossentropy"},
    loss_weights={"price": 1.0, "category": 0.5},
)

# 3. Train: targets in a dict with the same keys.
x = np.random.rand(64, 4).astype("float32")
y = {"price": x.sum(axis=1, keepdims=True), "category": (x[:, 0] * 3).astype("int32")}
history = model.fit(x, y, epochs=3, batch_size=16, verbose=2)
print("history keys:", list(history.history))
# --8<-- [end:lesson]

h = history.history
assert list(h) == ["category_loss", "loss", "price_loss"]
assert h["loss"][-1] < h["loss"][0]
# The total is the weighted sum of the two losses, epoch by epoch (every batch holds 16).
for total, price, category in zip(h["loss"], h["price_loss"], h["category_loss"]):
    assert abs(total - (1.0 * price + 0.5 * category)) < 1e-5 * total
