from tensorflow.keras.models import Sequential, Model
from tensorflow.keras.layers import Dense

testModel = Sequential()
testModel.add(Dense(5, input_shape=(1,)))
testModel.add(Dense(10))

testModel.summary()
