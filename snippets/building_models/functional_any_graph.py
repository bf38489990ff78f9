import keras

# Two inputs, a shortcut around a layer, one output: not a single line of layers.
numbers = keras.Input(shape=(1,), name="numbers")
extra = keras.Input(shape=(3,), name="extra")
hidden = keras.layers.Dense(5, name="hidden")(numbers)
merged = keras.layers.Concatenate(name="merged")([hidden, numbers, extra])
output = keras.layers.Dense(10, name="output")(merged)
model = keras.Model(inputs=[numbers, extra], outputs=output, name="small_graph")

model.summary()
assert model.get_layer("merged").output.shape == (None, 5 + 1 + 3)
assert model.count_params() == (1 * 5 + 5) + (9 * 10 + 10) == 110
