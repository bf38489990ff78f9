import keras
import numpy as np

inputs = keras.Input(shape=(1,), name="input_layer")
hidden = keras.layers.Dense(5, name="hidden_layer1")(inputs)
outputs = keras.layers.Dense(10, name="hidden_layer2")(hidden)
model = keras.Model(inputs, outputs, name="test_model")

# A second model over the same graph, ending at the hidden layer.
extractor = keras.Model(
    inputs=model.inputs,
    outputs=model.get_layer("hidden_layer1").output,
    name="feature_extractor",
)
x = np.array([[0.5], [-1.0]], dtype="float32")
features = extractor.predict(x, verbose=0)
print("features shape:", features.shape)

kernel, bias = model.get_layer("hidden_layer1").get_weights()
same = np.allclose(features, x @ kernel + bias)  # hidden_layer1's output, by hand
print("equal to x @ kernel + bias:", same)
assert features.shape == (2, 5) and same
