import keras

model = keras.Sequential(
    [keras.Input(shape=(1,)), keras.layers.Dense(5), keras.layers.Dense(10)]
)
model.layers[0].trainable = False  # freeze the first Dense layer

# positions: where each column ends, as fractions of the line; Output Shape and
# Param # end earlier than by default, leaving the new last column more room
model.summary(show_trainable=True, positions=[0.45, 0.75, 0.9])
assert sum(w.numpy().size for w in model.trainable_weights) == 60

# With the default positions the new column is too narrow for its own header.
captured = []
model.summary(show_trainable=True, print_fn=captured.append)
header = next(line for line in "".join(captured).splitlines() if "Layer (type)" in line)
HEAVY_BAR = "\u2503"  # ┃, the border between header cells
print("Default layout, last header cell:", header.split(HEAVY_BAR)[-2].strip())
