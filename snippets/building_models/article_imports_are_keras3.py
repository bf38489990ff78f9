import keras
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

print("TensorFlow", tf.__version__, "/ Keras", keras.__version__)
print("tensorflow.keras Sequential is keras.Sequential:", Sequential is keras.Sequential)
print("tensorflow.keras Dense is keras.layers.Dense:", Dense is keras.layers.Dense)
assert Sequential is keras.Sequential and Dense is keras.layers.Dense
