# --8<-- [start:lesson]
import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])
model.compile(
    optimizer="adam",
    loss=["mse", "sparse_categorical_crossentropy"],
    metrics=[["mae"], ["accuracy"]],
)

x = np.random.rand(32, 3).astype("float32")
y = [np.random.rand(32, 1).astype("float32"), np.random.randint(0, 3, size=(32,))]
model.fit(x, y, epochs=1, verbose=0)

# A Keras 2 habit: pair metrics_names with the list evaluate() returns.
values = model.evaluate(x, y, verbose=0)
paired = dict(zip(model.metrics_names, values))
print("metrics_names:", model.metrics_names)
print("zipped:       ", {k: round(v, 4) for k, v in paired.items()})

# The reliable way: ask evaluate() for the dict.
named = model.evaluate(x, y, verbose=0, return_dict=True)
print("return_dict:  ", {k: round(v, 4) for k, v in named.items()})

# --8<-- [end:lesson]

assert len(values) == len(model.metrics_names) + 1
assert paired["compile_metrics"] == named["price_loss"]
assert paired["price_loss"] == named["category_loss"]
assert paired["category_loss"] == named["category_accuracy"]
assert values[-1] == named["price_mae"]
