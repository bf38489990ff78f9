# --8<-- [start:lesson]
import keras
import numpy as np

x = np.random.rand(7, 1).astype("float32")
y = np.random.rand(7, 10).astype("float32")

shapes = {}
for method in ["fit", "evaluate", "predict"]:
    model = keras.Sequential([keras.layers.Dense(5), keras.layers.Dense(10)])  # no Input: unbuilt
    model.compile(optimizer="sgd", loss="mse")
    if method == "predict":
        model.predict(x, batch_size=4, verbose=0)
    else:
        getattr(model, method)(x, y, batch_size=4, verbose=0)
    shapes[method] = model.input_shape
    print(f"built by {method}(batch_size=4): input_shape {model.input_shape}")
# --8<-- [end:lesson]

assert shapes == {"fit": (None, 1), "evaluate": (None, 1), "predict": (4, 1)}
