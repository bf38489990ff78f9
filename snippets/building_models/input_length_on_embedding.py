import keras

# Embedding's input_dim is the vocabulary size, not a shape.
model = keras.Sequential(
    [keras.layers.Embedding(input_dim=1000, output_dim=8, input_length=10)]
)
model.summary()
assert not model.built
