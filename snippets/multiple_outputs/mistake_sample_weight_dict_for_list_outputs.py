import keras
import numpy as np

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])  # outputs declared as a list
model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy"])

x = np.random.rand(32, 3).astype("float32")
y = {"price": np.random.rand(32, 1).astype("float32"), "category": np.random.randint(0, 3, size=(32,))}
model.evaluate(x, y, verbose=0)  # a dict of targets: accepted, matched by name

weights = {"price": np.repeat([1.0, 0.0], 16), "category": np.ones(32)}
model.evaluate(x, y, sample_weight=weights, verbose=0)  # a dict of weights: refused
