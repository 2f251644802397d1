package dev.filtre.examples.networks;

import dev.filtre.dsl.Conv;
import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Dropout;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.MaxPool;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;
import dev.filtre.dsl.Softmax;

/**
 * The network of the Fashion-MNIST demo: two blocks of convolution + ReLU + max-pooling extract
 * features, drop-out limits over-fitting, and two fully connected layers classify.
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
