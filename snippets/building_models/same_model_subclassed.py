import keras


class TwoDense(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden_layer1 = keras.layers.Dense(5, name="hidden_layer1")
        self.hidden_layer2 = keras.layers.Dense(10, name="hidden_layer2")

    def call(self, inputs):
        return self.hidden_layer2(self.hidden_layer1(inputs))


model = TwoDense(name="as_subclass")
model.summary()  # before: nothing has told the layers what comes in

outputs = model(keras.Input(shape=(1,)))  # a placeholder, no data: builds every layer
model.summary()  # after
assert model.count_params() == 70
assert outputs.shape == (None, 10)  # the batch axis stays open: None
