import math

import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(11)
x = np.random.rand(64, 2).astype("float32")
celsius = x @ np.array([[20.0], [10.0]], dtype="float32")
y = {"celsius": celsius, "fahrenheit": celsius * 1.8 + 32}


mse = keras.losses.MeanSquaredError()


def disagreement(y_pred):
    return mse(y_pred["celsius"] * 1.8 + 32, y_pred["fahrenheit"])


# --8<-- [start:lesson]
class Consistent(keras.Model):
    def train_step(self, data):  # written for the TensorFlow backend
        x, y, sample_weight = keras.utils.unpack_x_y_sample_weight(data)
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight)
            loss = loss + 0.1 * disagreement(y_pred)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply(gradients, self.trainable_variables)
        for metric in self.metrics:
            if metric.name == "loss":
                metric.update_state(loss)
        return self.compute_metrics(x, y, y_pred, sample_weight)
# --8<-- [end:lesson]


inputs = keras.Input(shape=(2,), name="readings")
trunk = keras.layers.Dense(16, activation="relu", name="trunk")(inputs)
model = Consistent(inputs, {
    "celsius": keras.layers.Dense(1, name="celsius")(trunk),
    "fahrenheit": keras.layers.Dense(1, name="fahrenheit")(trunk),
})
model.compile(optimizer="adam", loss={"celsius": "mse", "fahrenheit": "mse"})

# Before the first step: what evaluate() reports (test_step is not overridden,
# so no extra term) and the extra term by hand.
before = model.evaluate(x, y, batch_size=64, verbose=0, return_dict=True)
term = float(disagreement(model.predict(x, verbose=0)))
history = model.fit(x, y, epochs=1, batch_size=64, verbose=2)

# The one step's reported loss holds the term; evaluate() never does.
print(f"fit's loss {history.history['loss'][0]:.4f} = evaluate's loss {before['loss']:.4f} + 0.1 x {term:.4f}")
assert math.isclose(history.history["loss"][0], before["loss"] + 0.1 * term, rel_tol=1e-4)
