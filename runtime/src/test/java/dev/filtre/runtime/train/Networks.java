package dev.filtre.runtime.train;

import dev.filtre.dsl.AvgPool;
import dev.filtre.dsl.Conv;
import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Dropout;
import dev.filtre.dsl.Flatten;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.MaxPool;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;
import dev.filtre.dsl.Sigmoid;
import dev.filtre.dsl.Softmax;
import dev.filtre.dsl.SumPool;
import dev.filtre.dsl.Tanh;

/** Small networks compiled by the Filtre processor for the runtime's tests. */
final class Networks {
    private Networks() {}

    /** Classifies 8x8 images of bars; a convolution, max pooling, dropout, dense and softmax. */
    @Network(input = {1, 8, 8})
    interface BarsNet {
        @Conv(filters = 4, size = 3, pad = 1) @Relu Layer conv1();

        @MaxPool(size = 2) Layer pool1();

        @Dropout(0.25) Layer drop1();

        @Dense(units = 3) @Softmax Layer out();
    }

    /**
     * Convolution with stride and padding, max and average pooling, tanh, sigmoid, an explicit
     * flatten, dropout, ReLU after a dense layer, softmax.
     */
    @Network(input = {2, 9, 9})
    interface StridedNet {
        @Conv(filters = 3, size = 3, stride = 2, pad = 1) @Tanh Layer conv1();

        @MaxPool(size = 2, stride = 1) Layer pool1();

        @Conv(filters = 4, size = 3, pad = 1) @Sigmoid Layer conv2();

        @AvgPool(size = 2) Layer pool2();

        @Flatten Layer flat();

        @Dropout(0.3) Layer drop();

        @Dense(units = 6) @Relu Layer fc1();

        @Dense(units = 3) @Softmax Layer out();
    }

    /**
     * Standalone activations, sum pooling, a dense layer on a 3-D input (implicit flatten), and an
     * output without softmax.
     */
    @Network(input = {1, 6, 6})
    interface PoolsNet {
        @Conv(filters = 2, size = 3, pad = 1) Layer conv();

        @Tanh Layer squash();

        @SumPool(size = 2) Layer pool();

        @Relu Layer rectify();

        @Dense(units = 4) @Sigmoid Layer fc();

        @Dense(units = 3) Layer out();
    }
}
