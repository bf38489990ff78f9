import keras

sequential = keras.Sequential(
    [keras.Input(shape=(1,)), keras.layers.Dense(5), keras.layers.Dense(10)]
)
print("sequential.layers:", [type(layer).__name__ for layer in sequential.layers])
print("sequential.inputs:", sequential.inputs)

# The same graph seen as a functional model: the InputLayer row comes back.
as_functional = keras.Model(sequential.inputs, sequential.outputs, name="same_graph")
print("as_functional.layers:", [type(layer).__name__ for layer in as_functional.layers])
as_functional.summary()
assert as_functional.count_params() == sequential.count_params() == 70
