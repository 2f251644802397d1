package dev.filtre.bench.networks;

import dev.filtre.dsl.Conv;
import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.MaxPool;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;
import dev.filtre.dsl.Softmax;

/**
 * LeNet-5 for 28x28 grayscale images, with ReLU and max-pooling: the small network of the
 * benchmark (61,706 parameters, 0.42 M multiply-adds per image). {@code pytorch_peer.py}
 * declares the same network with the same layer names.
 */
@Network(input = {1, 28, 28})
public interface LeNet5 {
    @Conv(filters = 6, size = 5, pad = 2) @Relu Layer conv1();
    @MaxPool(size = 2)                          Layer pool1();
    @Conv(filters = 16, size = 5) @Relu         Layer conv2();
    @MaxPool(size = 2)                          Layer pool2();
    @Dense(units = 120) @Relu                   Layer fc1();
    @Dense(units = 84) @Relu                    Layer fc2();
    @Dense(units = 10) @Softmax                 Layer out();
}
