# --8<-- [start:lesson]
import keras
import numpy as np

scores = np.array([[2.0, -1.0, 0.5]])  # three raw numbers for one sample

relu = keras.ops.convert_to_numpy(keras.activations.relu(scores))
softmax = keras.ops.convert_to_numpy(keras.activations.softmax(scores))
print("relu:   ", relu.round(3))
print("softmax:", softmax.round(3), "sum:", softmax.sum().round(3))

# The model gave these probabilities for 3 classes; the true class is 0.
probs = np.array([[0.7, 0.2, 0.1]])
sparse = keras.losses.sparse_categorical_crossentropy(np.array([0]), probs)
one_hot = keras.losses.categorical_crossentropy(np.array([[1.0, 0.0, 0.0]]), probs)
print(f"sparse_categorical_crossentropy, target 0:  {float(sparse[0]):.4f}")
print(f"categorical_crossentropy, target [1, 0, 0]: {float(one_hot[0]):.4f}")
print(f"-log(0.7), the true class's probability:    {-np.log(0.7):.4f}")
# --8<-- [end:lesson]

assert relu.tolist() == [[2.0, 0.0, 0.5]]
assert abs(softmax.sum() - 1) < 1e-6 and softmax.argmax() == scores.argmax()
assert abs(float(sparse[0]) - float(-np.log(0.7))) < 1e-6
assert abs(float(one_hot[0]) - float(-np.log(0.7))) < 1e-6
