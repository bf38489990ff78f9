# --8<-- [start:lesson]
import keras
import numpy as np

keras.utils.set_random_seed(0)  # the same weights, data and shuffling on every run

# 200 samples of one number each; the target is 2x + 1.
x = np.random.uniform(-2, 2, size=(200, 1)).astype("float32")
y = 2 * x + 1

model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
history = model.fit(x, y, epochs=5, batch_size=5, verbose=2)

loss, mae = model.evaluate(x, y, verbose=0)
print(f"evaluate: loss {loss:.4f}, mae {mae:.4f}")
print("predict for x = 0 and x = 1:", model.predict(np.array([[0.0], [1.0]]), verbose=0)[:, 0].round(3))
kernel, bias = model.layers[0].get_weights()
print(f"learnt: y = {kernel[0, 0]:.3f} x + {bias[0]:.3f}")
# --8<-- [end:lesson]

# What the page says about this run.
assert model.optimizer.learning_rate.numpy() == np.float32(0.01)  # the "sgd" default
assert abs(kernel[0, 0] - 2) < 0.05 and abs(bias[0] - 1) < 0.05
assert loss < 0.01 and mae < 0.1
# evaluate() scores the final weights; the epoch's line averaged over its batches.
assert loss < history.history["loss"][-1]
assert len(x) / 5 == 40  # batches per epoch
