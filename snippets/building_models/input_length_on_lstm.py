import keras

# Keras 2 read this as input_shape=(input_length, input_dim) = (3, 4).
layer = keras.layers.LSTM(8, input_dim=4, input_length=3)
