import keras
import numpy as np

keras.utils.set_random_seed(5)

inputs = keras.Input(shape=(3,), name="features")
price = keras.layers.Dense(1, name="price")(inputs)
model = keras.Model(inputs, price)
x = np.random.rand(32, 3).astype("float32")
y = np.random.rand(32, 1).astype("float32")

# --8<-- [start:lesson]
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=4, batch_size=8, verbose=0)
print("steps taken:", int(model.optimizer.iterations))

model.compile(optimizer=model.optimizer, loss="mse")  # the same optimizer object
print("after compile(optimizer=model.optimizer):", int(model.optimizer.iterations))

model.compile(optimizer="adam", loss="mse")  # a string: a brand-new Adam
print('after compile(optimizer="adam"):', int(model.optimizer.iterations))
# --8<-- [end:lesson]

assert int(model.optimizer.iterations) == 0

# The first two numbers, checked on a fresh run of the same steps.
model.fit(x, y, epochs=4, batch_size=8, verbose=0)
assert int(model.optimizer.iterations) == 16
model.compile(optimizer=model.optimizer, loss="mse")
assert int(model.optimizer.iterations) == 16
