import keras
import numpy as np

model = keras.Sequential(
    [
        keras.Input(shape=(1,)),
        keras.layers.Dense(5, name="hidden_layer1"),
        keras.layers.Dense(10, name="hidden_layer2"),
    ]
)

# A built Sequential has a graph too, so its inputs and layer outputs exist.
extractor = keras.Model(model.inputs, model.get_layer("hidden_layer1").output)
x = np.array([[0.5], [-1.0]], dtype="float32")
kernel, bias = model.get_layer("hidden_layer1").get_weights()
features = extractor.predict(x, verbose=0)
same = np.allclose(features, x @ kernel + bias)
print("features shape:", features.shape, "/ equal to x @ kernel + bias:", same)
assert same

# Its layer can also go into a new Sequential: shared, not copied.
hidden = model.get_layer("hidden_layer1")
reused = keras.Sequential([keras.Input(shape=(1,)), hidden, keras.layers.Dense(3)])
print("the same layer object:", reused.layers[0] is hidden)
assert reused.layers[0] is hidden
