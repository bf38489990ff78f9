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
y_price = np.random.rand(32, 1).astype("float32")
y_category = np.random.randint(0, 3, size=(32,))

targets = {
    "list": [y_price, y_category],
    "tuple": (y_price, y_category),
    "dict": {"category": y_category, "price": y_price},  # any key order
}
results = {}
for form, y in targets.items():
    results[form] = model.evaluate(x, y, verbose=0, return_dict=True)
    print(f"{form:>5}:", {k: round(v, 6) for k, v in results[form].items()})

assert results["list"] == results["tuple"] == results["dict"]
