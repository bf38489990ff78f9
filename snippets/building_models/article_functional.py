from tensorflow.keras.models import Sequential, Model
from tensorflow.keras.layers import Input, Dense

inputLayer = Input(shape=(1,), name='input_layer')
hiddenLayer1 = Dense(5, name='hidden_layer1')(inputLayer)
hiddenLayer2 = Dense(10, name='hidden_layer2')(hiddenLayer1)
testModel = Model(inputLayer, hiddenLayer2, name='test_model')
testModel.summary()
