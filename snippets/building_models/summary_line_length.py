import keras

model = keras.Sequential(
    [keras.Input(shape=(1,)), keras.layers.Dense(5), keras.layers.Dense(10)]
)
model.summary(line_length=60)  # narrower than the default

# Wider than this 100-column console: rich crops the table at the console's
# edge. print_fn hands us the table as text instead of printing it.
captured = []
model.summary(line_length=120, print_fn=captured.append)
lines = "".join(captured).splitlines()
header = next(line for line in lines if "Layer (type)" in line)
print("line_length=120, longest line:", max(len(line) for line in lines))
print("line_length=120, Param # column kept:", "Param #" in header)
assert max(len(line) for line in lines) <= 100 and "Param #" not in header
