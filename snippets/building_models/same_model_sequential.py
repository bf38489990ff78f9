import keras

model = keras.Sequential(
    [
        keras.Input(shape=(1,)),
        keras.layers.Dense(5, name="hidden_layer1"),
        keras.layers.Dense(10, name="hidden_layer2"),
    ],
    name="as_sequential",
)

model.summary()
assert model.count_params() == 70
