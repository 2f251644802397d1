package dev.filtre.bench.networks;

import dev.filtre.dsl.Conv;
import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Dropout;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.MaxPool;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;
import dev.filtre.dsl.Softmax;

/**
 * The Fashion-MNIST network of the design document: the large network of the benchmark
 * (421,642 parameters, 4.2 M multiply-adds per image, 85% of them in {@code conv2}).
 * {@code pytorch_peer.py} declares the same network with the same layer names.
 */
@Network(input = {1, 28, 28})
public interface FashionNet {
    @Conv(filters = 32, size = 3, pad = 1) @Relu  Layer conv1();
    @MaxPool(size = 2)                             Layer pool1();
    @Conv(filters = 64, size = 3, pad = 1) @Relu  Layer conv2();
    @MaxPool(size = 2)                             Layer pool2();
    @Dropout(0.25)                                 Layer drop1();
    @Dense(units = 128) @Relu                      Layer fc1();
    @Dropout(0.5)                                  Layer drop2();
    @Dense(units = 10) @Softmax                    Layer out();
}
