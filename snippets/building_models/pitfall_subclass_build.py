import keras


class TwoDense(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden_layer1 = keras.layers.Dense(5)
        self.hidden_layer2 = keras.layers.Dense(10)

    def call(self, inputs):
        return self.hidden_layer2(self.hidden_layer1(inputs))


model = TwoDense()
model.build((None, 1))  # looks like enough, and marks the model as built...
print("model.built:", model.built)
model.summary()  # ...but no layer has weights yet
assert model.built and not model.hidden_layer1.built
