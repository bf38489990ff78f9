import keras
import numpy as np

keras.utils.set_random_seed(5)

today = keras.Input(shape=(4,), name="today")
tomorrow = keras.Input(shape=(4,), name="tomorrow")
# One layer object, called on two inputs: both calls use the same weights.
forecaster = keras.layers.Dense(1, name="forecaster")
today_value = forecaster(today)
tomorrow_value = forecaster(tomorrow)

# Both outputs come from the same layer, so in a list they share its name.
as_list = keras.Model([today, tomorrow], [today_value, tomorrow_value])
print(as_list.output_names)
assert as_list.output_names == ["forecaster", "forecaster"]

# A dict gives each output its own name.
model = keras.Model(
    {"today": today, "tomorrow": tomorrow},
    {"today_value": today_value, "tomorrow_value": tomorrow_value},
    name="shared_forecaster",
)
model.summary()
assert model.count_params() == 4 * 1 + 1  # one set of weights, however many calls

model.compile(optimizer="adam", loss={"today_value": "mse", "tomorrow_value": "mse"})
x = {"today": np.random.rand(16, 4), "tomorrow": np.random.rand(16, 4)}
y = {"today_value": np.random.rand(16, 1), "tomorrow_value": np.random.rand(16, 1)}
history = model.fit(x, y, epochs=2, verbose=0)
print(list(history.history))
assert list(history.history) == ["loss", "today_value_loss", "tomorrow_value_loss"]
