import keras

model = keras.Sequential(
    [
        keras.Input(shape=(1,)),
        keras.layers.Dense(5),
        keras.layers.BatchNormalization(),  # 4 numbers per feature, 2 of them learned
        keras.layers.Dense(10),
    ]
)
model.summary()

batch_norm = model.layers[1]
print("trainable:    ", [w.name for w in batch_norm.trainable_weights])
print("non-trainable:", [w.name for w in batch_norm.non_trainable_weights])
assert batch_norm.count_params() == 4 * 5
assert model.count_params() == 10 + 20 + 60 == 90
assert sum(w.numpy().size for w in model.non_trainable_weights) == 2 * 5
