import keras

inputs = keras.Input(shape=(1,), name="input_layer")
x = keras.layers.Dense(5, name="hidden_layer1")(inputs)
outputs = keras.layers.Dense(10, name="hidden_layer2")(x)
model = keras.Model(inputs=inputs, outputs=outputs, name="test_model")

print("inputs: ", inputs)
print("outputs:", outputs)
print("layers: ", [layer.name for layer in model.layers])

assert model.count_params() == (1 * 5 + 5) + (5 * 10 + 10) == 70
assert model.get_layer("input_layer").count_params() == 0
