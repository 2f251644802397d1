package dev.filtre.examples.networks;

import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;
import dev.filtre.dsl.Softmax;

/**
 * The multi-layer perceptron ("perceptron multi-couches"): the special case of a network with only
 * fully connected layers, reading a 28x28 image as a vector of 784 pixels.
 */
@Network(input = {784})
public interface Perceptron {
    @Dense(units = 256) @Relu   Layer hidden1();
    @Dense(units = 128) @Relu   Layer hidden2();
    @Dense(units = 10) @Softmax Layer out();
}
