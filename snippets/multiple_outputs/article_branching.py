from tensorflow.keras.models import Sequential, Model
from tensorflow.keras.layers import Input, Dense

inputLayer = Input(shape=(1,), name='input_layer')
hiddenLayer1 = Dense(5, name='hidden_layer1')(inputLayer)
hiddenLayer2 = Dense(10, name='hidden_layer2')(hiddenLayer1)

hiddenLayer1_1 = Dense(10, name='hidden_layer1_1')(hiddenLayer1)
hiddenLayer1_2 = Dense(20, name='hidden_layer1_2')(hiddenLayer1_1)

testModel = Model(inputLayer, [hiddenLayer2, hiddenLayer1_2], name='test_model')
testModel.summary()

# Not in the article: a Dense layer has (inputs x units) weights plus one bias per unit.
assert testModel.count_params() == (
    (1 * 5 + 5)  # hidden_layer1
    + (5 * 10 + 10)  # hidden_layer2
    + (5 * 10 + 10)  # hidden_layer1_1
    + (10 * 20 + 20)  # hidden_layer1_2
) == 350
print(testModel.output_names)
assert testModel.output_names == ["hidden_layer2", "hidden_layer1_2"]
