import keras

inputs = keras.Input(shape=(1,), name="input_layer")
hidden = keras.layers.Dense(5, name="hidden_layer1")
test_model = keras.Model(inputs, keras.layers.Dense(10)(hidden(inputs)), name="test_model")

# The same layer, called a second time, on a new model's input.
new_inputs = keras.Input(shape=(1,), name="new_input")
features = hidden(new_inputs)
new_model = keras.Model(new_inputs, keras.layers.Dense(3)(features), name="new_model")

# Cut at the tensor that second call returned: this works.
extractor = keras.Model(new_inputs, features)
print("extractor from the call's tensor:", extractor.output_shape)

# layer.output is the output of the layer's first call, made in test_model's graph.
first_call = new_model.get_layer("hidden_layer1").output
print("layer.output is that tensor:", first_call is features)
keras.Model(new_inputs, first_call)
