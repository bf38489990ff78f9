import keras
import numpy as np

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])

# Three losses for two outputs.
model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy", "mae"])

x = np.random.rand(8, 3).astype("float32")
y = [np.random.rand(8, 1).astype("float32"), np.random.randint(0, 3, size=(8,))]
model.fit(x, y, verbose=0)
