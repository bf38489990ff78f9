import keras
import numpy as np


class TwoDense(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden_layer1 = keras.layers.Dense(5, name="hidden_layer1")
        self.hidden_layer2 = keras.layers.Dense(10, name="hidden_layer2")

    def call(self, inputs):
        return self.hidden_layer2(self.hidden_layer1(inputs))


model = TwoDense(name="as_subclass")
model.summary()  # before: Keras cannot know any shape yet

model(np.zeros((1, 1)))  # one sample of one feature builds every layer
model.summary()  # after
assert model.count_params() == 70
