# --8<-- [start:lesson]
import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])

# Keras 2 computed both metrics on both outputs. Keras 3 pairs them with the outputs.
model.compile(
    optimizer="adam",
    loss=["mse", "sparse_categorical_crossentropy"],
    metrics=["mae", "accuracy"],
)

x = np.random.rand(8, 3).astype("float32")
y = [np.random.rand(8, 1).astype("float32"), np.random.randint(0, 3, size=(8,))]
history = model.fit(x, y, epochs=1, verbose=0)
print(list(history.history))
# --8<-- [end:lesson]

assert "price_mae" in history.history and "category_accuracy" in history.history
assert "category_mae" not in history.history and "price_accuracy" not in history.history
