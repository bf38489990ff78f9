import keras
import numpy as np

keras.utils.set_random_seed(5)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
model = keras.Model(inputs, [price, category])
model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy"])

x = np.random.rand(32, 3).astype("float32")
y = [np.random.rand(32, 1).astype("float32"), np.random.randint(0, 3, size=(32,))]
model.fit(x, y, epochs=1, verbose=0)

# Freeze the classification head, then compile again: compile() fixes what trains.
model.get_layer("category").trainable = False
model.compile(optimizer=model.optimizer, loss=["mse", "sparse_categorical_crossentropy"])
print("trainable:", [w.path for w in model.trainable_weights])

# layers[0] is the Input layer, which has no weights.
before = {layer.name: layer.get_weights() for layer in model.layers[1:]}
model.fit(x, y, epochs=3, verbose=0)
for layer in model.layers[1:]:
    changed = any(
        not np.array_equal(b, a) for b, a in zip(before[layer.name], layer.get_weights())
    )
    print(f"{layer.name:>8} changed: {changed}")
    assert changed == (layer.name != "category")
