import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])

# Keys are output names (the names of the layers that produce the outputs).
model.compile(
    optimizer="adam",
    loss={"price": "mse", "category": "sparse_categorical_crossentropy"},
    loss_weights={"price": 1.0, "category": 0.2},
    metrics={"price": ["mae"], "category": ["accuracy"]},
)

x = np.random.rand(32, 3).astype("float32")
y = {
    "price": np.random.rand(32, 1).astype("float32"),
    "category": np.random.randint(0, 3, size=(32,)),
}
history = model.fit(x, y, epochs=2, batch_size=16, verbose=2)
print("history:", list(history.history))

as_list = model.evaluate(x, y, verbose=0)
as_dict = model.evaluate(x, y, verbose=0, return_dict=True)
print("evaluate():", [round(v, 4) for v in as_list])
print("evaluate(return_dict=True):", {k: round(v, 4) for k, v in as_dict.items()})

assert list(history.history) == [
    "category_accuracy", "category_loss", "loss", "price_loss", "price_mae"
]
# The plain list starts with the losses, then the metrics in alphabetical order.
assert as_list == [as_dict[k] for k in
                   ["loss", "price_loss", "category_loss", "category_accuracy", "price_mae"]]
