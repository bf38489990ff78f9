import keras

model = keras.Sequential([keras.layers.Dense(5, name="hidden_layer1"), keras.layers.Dense(10)])
extractor = keras.Model(model.inputs, model.get_layer("hidden_layer1").output)
