package dev.filtre.bench.jmh;

import dev.filtre.dsl.Conv;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;

/** FashionNet's {@code conv2} alone (3.6 M multiply-adds, 85% of the network's work). */
@Network(input = {32, 14, 14})
public interface Conv2Layer {
    @Conv(filters = 64, size = 3, pad = 1) @Relu Layer conv2();
}
