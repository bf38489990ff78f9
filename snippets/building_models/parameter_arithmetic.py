import keras

model = keras.Sequential(
    [keras.Input(shape=(1,)), keras.layers.Dense(5), keras.layers.Dense(10)]
)

# A Dense layer holds a kernel (inputs x units) and a bias (one per unit).
for layer in model.layers:
    kernel, bias = layer.weights
    print(
        f"{layer.name}: kernel {tuple(kernel.shape)} + bias {tuple(bias.shape)}"
        f" = {layer.count_params()} parameters"
    )

assert model.layers[0].count_params() == 1 * 5 + 5 == 10
assert model.layers[1].count_params() == 5 * 10 + 10 == 60
assert model.count_params() == 10 + 60 == 70
print("total:", model.count_params())
