# --8<-- [start:lesson]
import keras
import numpy as np

keras.utils.set_random_seed(3)

inputs = keras.Input(shape=(3,), name="features")
trunk = keras.layers.Dense(8, activation="relu", name="trunk")(inputs)
price = keras.layers.Dense(1, name="price")(trunk)
category = keras.layers.Dense(3, activation="softmax", name="category")(trunk)
# Outputs declared as a dict, "price" first.
model = keras.Model(inputs, {"price": price, "category": category})
model.compile(
    optimizer="adam",
    loss={"price": "mse", "category": "sparse_categorical_crossentropy"},
)

x = np.random.rand(32, 3).astype("float32")
y_price = np.random.rand(32, 1).astype("float32")
y_category = np.random.randint(0, 3, size=(32,))

by_name = model.evaluate(x, {"price": y_price, "category": y_category}, verbose=0, return_dict=True)
# Targets as a list, in the order the dict was written: no error.
as_list = model.evaluate(x, [y_price, y_category], verbose=0, return_dict=True)
print("dict targets:", {k: round(v, 4) for k, v in by_name.items()})
print("list targets:", {k: round(v, 4) for k, v in as_list.items()})

# --8<-- [end:lesson]

# The list was matched to the outputs in sorted key order: category, then price.
swapped = model.evaluate(x, {"category": y_price, "price": y_category}, verbose=0, return_dict=True)
assert as_list == swapped
assert as_list != by_name

# The bare list evaluate() returns gives the per-output losses in the order the loss dict was
# written, not in the sorted order of model.output_names; with a list of losses, which is matched
# to the outputs in that sorted order, in the order the outputs dict was declared (One loss per
# output says so). Run eagerly: compiled three more times, the model would warn of retracing.
def per_output_losses(loss):
    model.compile(optimizer="adam", loss=loss, run_eagerly=True)
    return model.evaluate(x, {"price": y_price, "category": y_category}, verbose=0)[1:]


price_first = [by_name["price_loss"], by_name["category_loss"]]
mse, crossentropy = "mse", "sparse_categorical_crossentropy"
assert model.output_names == ["category", "price"]
assert np.allclose(per_output_losses({"price": mse, "category": crossentropy}), price_first)
assert np.allclose(per_output_losses({"category": crossentropy, "price": mse}), price_first[::-1])
assert np.allclose(per_output_losses([crossentropy, mse]), price_first)
