package dev.filtre.bench.jmh;

import dev.filtre.dsl.Layer;
import dev.filtre.dsl.MaxPool;
import dev.filtre.dsl.Network;

/** FashionNet's {@code pool2} alone: 2x2 max pooling of 64 maps of 14x14. */
@Network(input = {64, 14, 14})
public interface MaxPoolLayer {
    @MaxPool(size = 2) Layer pool2();
}
