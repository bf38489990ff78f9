import keras
import numpy as np


class TwoDense(keras.Model):  # no @register_keras_serializable
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden_layer1 = keras.layers.Dense(5)
        self.hidden_layer2 = keras.layers.Dense(10)

    def call(self, inputs):
        return self.hidden_layer2(self.hidden_layer1(inputs))


model = TwoDense()
model(np.ones((2, 1)))
model.save("two_dense.keras")  # saving works
keras.saving.load_model("two_dense.keras")  # loading does not
