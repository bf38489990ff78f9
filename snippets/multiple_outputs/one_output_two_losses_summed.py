import math

import keras
import numpy as np

# The model, data and seed of the two-losses mistake above.
keras.utils.set_random_seed(4)
inputs = keras.Input(shape=(3,), name="features")
model = keras.Model(inputs, keras.layers.Dense(1, name="price")(inputs))
x = np.random.rand(32, 3).astype("float32")
y = x.sum(axis=1, keepdims=True)


# --8<-- [start:lesson]
def mse_plus_mae(y_true, y_pred):
    # One loss whose value is the sum of the two.
    mse = keras.losses.mean_squared_error(y_true, y_pred)
    mae = keras.losses.mean_absolute_error(y_true, y_pred)
    return mse + mae


model.compile(optimizer="sgd", loss=mse_plus_mae, metrics=["mse", "mae"])
history = model.fit(x, y, epochs=3, batch_size=32, verbose=0).history
for epoch in range(3):
    logged = ", ".join(f"{name} {values[epoch]:.4f}" for name, values in history.items())
    print(f"epoch {epoch + 1}: {logged}")
# --8<-- [end:lesson]

# One batch an epoch: each epoch's loss is exactly that epoch's mse plus its mae.
for loss, mse, mae in zip(history["loss"], history["mse"], history["mae"]):
    assert math.isclose(loss, mse + mae, rel_tol=1e-5)
