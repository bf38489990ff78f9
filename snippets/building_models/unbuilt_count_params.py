import keras

model = keras.Sequential([keras.layers.Dense(5), keras.layers.Dense(10)])
print("weights so far:", model.weights)
model.count_params()
