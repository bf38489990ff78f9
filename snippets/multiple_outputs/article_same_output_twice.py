from tensorflow.keras.models import Sequential, Model
from tensorflow.keras.layers import Input, Dense

inputLayer = Input(shape=(1,), name='input_layer')
hiddenLayer1 = Dense(5, name='hidden_layer1')(inputLayer)
hiddenLayer2 = Dense(10, name='hidden_layer2')(hiddenLayer1)
testModel = Model(inputLayer, [hiddenLayer2, hiddenLayer2], name='test_model')
testModel.summary()

# Not in the article: the names Keras gives the two outputs.
print(testModel.output_names)
assert testModel.output_names == ["hidden_layer2", "hidden_layer2"]
