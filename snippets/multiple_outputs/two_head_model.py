# --8<-- [start:lesson]
import keras
import numpy as np

# A fixed seed gives the same initial weights and shuffles on every run.
keras.utils.set_random_seed(42)

# Synthetic data: 4 features; a price that depends linearly on them, plus noise,
# and one of 3 categories picked by a different linear rule.
rng = np.random.default_rng(0)
n = 320
features = rng.normal(size=(n, 4)).astype("float32")
price = features @ np.array([[1.5], [-2.0], [0.5], [1.0]], dtype="float32")
price += rng.normal(scale=0.1, size=(n, 1)).astype("float32")
category = np.argmax(features @ rng.normal(size=(4, 3)), axis=1)

train, test = slice(0, 256), slice(256, n)  # 64 samples kept for the end

# A shared trunk, then one head per task.
inputs = keras.Input(shape=(4,), name="features")
x = keras.layers.Dense(16, activation="relu", name="trunk_1")(inputs)
x = keras.layers.Dense(16, activation="relu", name="trunk_2")(x)
price_out = keras.layers.Dense(1, name="price")(x)
category_out = keras.layers.Dense(3, activation="softmax", name="category")(x)
model = keras.Model(inputs, {"price": price_out, "category": category_out}, name="two_heads")
model.summary()

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss={"price": "mse", "category": "sparse_categorical_crossentropy"},
    metrics={"price": ["mae"], "category": ["accuracy"]},
)

# fit() holds back the last 25% of the training samples for validation.
history = model.fit(
    features[train],
    {"price": price[train], "category": category[train]},
    validation_split=0.25,
    epochs=30,
    batch_size=32,
    verbose=0,
)
h = history.history
print("keys:", list(h))
print("epoch  price_loss  val_price_loss  category_loss  val_category_loss")
for epoch in [0, 4, 9, 14, 19, 24, 29]:
    print(f"{epoch + 1:>5}  {h['price_loss'][epoch]:>10.4f}  {h['val_price_loss'][epoch]:>14.4f}"
          f"  {h['category_loss'][epoch]:>13.4f}  {h['val_category_loss'][epoch]:>17.4f}")

scores = model.evaluate(
    features[test], {"price": price[test], "category": category[test]},
    verbose=0, return_dict=True,
)
print("held-out:", {k: round(v, 3) for k, v in scores.items()})

predictions = model.predict(features[test][:3], verbose=0)
print("price, predicted:   ", predictions["price"][:, 0].round(2))
print("price, true:        ", price[test][:3, 0].round(2))
print("category, predicted:", predictions["category"].argmax(axis=1))
print("category, true:     ", category[test][:3])
# --8<-- [end:lesson]

# The summary lists the heads in the dict's sorted key order, not in the order made.
assert [layer.name for layer in model.layers[-2:]] == ["category", "price"]
# In epoch 1 each head's validation loss, measured with the weights the epoch ended with, is
# below its training loss, the mean over batches seen while the weights were still far off.
assert all(h[f"val_{head}_loss"][0] < h[f"{head}_loss"][0] for head in ("price", "category"))

import matplotlib.pyplot as plt  # only the figure below needs it

# The figure: one panel above the other, so that it stays readable on a phone; a
# transparent background and mid-grey text and axes, readable on light and dark pages.
plt.rcParams.update({
    "svg.hashsalt": "fixed",  # the same SVG, byte for byte, on every run
    "font.size": 15,
    "text.color": "#808080",
    "axes.labelcolor": "#808080",
    "axes.edgecolor": "#808080",
    "xtick.color": "#808080",
    "ytick.color": "#808080",
    "legend.frameon": False,
})
fig, (top, bottom) = plt.subplots(2, 1, figsize=(5, 6.5), sharex=True)
for axis, head, title, loss_name in [
    (top, "price", "price head (regression)", "mean squared error"),
    (bottom, "category", "category head (classification)", "cross-entropy"),
]:
    epochs = range(1, len(h[f"{head}_loss"]) + 1)
    axis.plot(epochs, h[f"{head}_loss"], label="training", color="#3d85c6", linewidth=2.5)
    axis.plot(epochs, h[f"val_{head}_loss"], label="validation", color="#e69138",
              linewidth=2.5, linestyle="--")
    axis.set(title=title, ylabel=loss_name)
    axis.legend()
bottom.set_xlabel("epoch")
fig.tight_layout()
fig.savefig("two_head_losses.svg", transparent=True, metadata={"Date": None})

# Both heads learned: each loss ends well below where it started.
assert scores["category_accuracy"] > 0.9
for head in ("price", "category"):
    assert h[f"{head}_loss"][-1] < 0.5 * h[f"{head}_loss"][0]
    assert h[f"val_{head}_loss"][-1] < 0.5 * h[f"val_{head}_loss"][0]
