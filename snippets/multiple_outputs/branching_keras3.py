import keras

inputs = keras.Input(shape=(1,), name="input_layer")
trunk = keras.layers.Dense(5, name="trunk")(inputs)
short_head = keras.layers.Dense(10, name="short_head")(trunk)
long_branch = keras.layers.Dense(10, name="long_branch")(trunk)
long_head = keras.layers.Dense(20, name="long_head")(long_branch)

model = keras.Model(inputs, [short_head, long_head], name="two_branches")
model.summary()

assert model.count_params() == 350
print(model.output_names)
assert model.output_names == ["short_head", "long_head"]
