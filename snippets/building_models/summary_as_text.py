import keras

model = keras.Sequential(
    [keras.Input(shape=(1,)), keras.layers.Dense(5), keras.layers.Dense(10)]
)
captured = []
model.summary(print_fn=captured.append)  # nothing is printed; the text is handed over

text = "".join(captured)
print(f"{len(captured)} call(s), {len(text.splitlines())} lines of text")
print("has the total line:", "Total params: 70 (280.00 B)" in text)
assert len(captured) == 1
assert "Total params: 70 (280.00 B)" in text  # 70 float32 numbers of 4 bytes each
assert 70 * 4 == 280
