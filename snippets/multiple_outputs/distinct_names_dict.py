import keras
import numpy as np

keras.utils.set_random_seed(7)

inputs = keras.Input(shape=(1,), name="input_layer")
hidden1 = keras.layers.Dense(5, name="hidden_layer1")(inputs)
hidden2 = keras.layers.Dense(10, name="hidden_layer2")(hidden1)
# A dict of outputs: the keys name the outputs, even though both are one tensor.
model = keras.Model(inputs, {"out_mse": hidden2, "out_mae": hidden2}, name="test_model")

model.compile(optimizer="sgd", loss={"out_mse": "mse", "out_mae": "mae"})
x = np.random.rand(16, 1).astype("float32")
y = {
    "out_mse": np.random.rand(16, 10).astype("float32"),
    "out_mae": np.random.rand(16, 10).astype("float32"),
}
history = model.fit(x, y, epochs=3, batch_size=16, verbose=2)
print("history keys:", list(history.history))
assert list(history.history) == ["loss", "out_mae_loss", "out_mse_loss"]
# The keys are what compile(), the targets and the logs use; output_names still
# lists the layer behind each output.
assert model.output_names == ["hidden_layer2", "hidden_layer2"]
