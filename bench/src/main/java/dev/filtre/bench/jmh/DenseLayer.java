package dev.filtre.bench.jmh;

import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;

/** FashionNet's {@code fc1} alone: 3,136 inputs to 128 units, 0.4 M weights. */
@Network(input = {3136})
public interface DenseLayer {
    @Dense(units = 128) @Relu Layer fc1();
}
