import keras

inputs = keras.Input(shape=(1,))
x = keras.layers.Dense(5, name="hidden_layer1")(inputs)
outputs = keras.layers.Dense(10, name="hidden_layer2")(x)
model = keras.Model(inputs, outputs, name="as_functional")

model.summary()
assert model.count_params() == 70
