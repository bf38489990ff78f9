import keras

# A Sequential block used as one layer of a functional model.
block = keras.Sequential(
    [keras.layers.Dense(5, name="hidden_layer1"), keras.layers.Dense(10, name="hidden_layer2")],
    name="block",
)
inputs = keras.Input(shape=(1,), name="input_layer")
outputs = keras.layers.Dense(1, name="head")(block(inputs))
model = keras.Model(inputs, outputs, name="with_a_block")

model.summary()
model.summary(expand_nested=True)
assert model.count_params() == 70 + (10 * 1 + 1)
