# --8<-- [start:lesson]
import keras
import numpy as np

keras.utils.set_random_seed(0)  # the same starting weights on every run

# 300 points in the plane, in 3 classes: left half (0), top right (1), bottom right (2).
x = np.random.uniform(-1, 1, size=(300, 2)).astype("float32")
y = np.where(x[:, 0] < 0, 0, np.where(x[:, 1] > 0, 1, 2))

model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(3, activation="softmax"),  # one probability per class
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x, y, epochs=40, batch_size=16, verbose=0)
print("first and last epoch:", {k: [round(v[0], 3), round(v[-1], 3)] for k, v in history.history.items()})

probs = model.predict(x[:3], verbose=0)
print("probabilities:\n", probs.round(3))
print("predicted classes:", probs.argmax(axis=1), " true classes:", y[:3])
# --8<-- [end:lesson]

h = history.history
assert list(h) == ["accuracy", "loss"]
assert h["loss"][-1] < 0.5 * h["loss"][0] and h["accuracy"][-1] > 0.9
assert np.allclose(probs.sum(axis=1), 1, atol=1e-5)
assert model.optimizer.learning_rate.numpy() == np.float32(0.001)  # the "adam" default
