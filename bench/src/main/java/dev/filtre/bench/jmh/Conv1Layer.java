package dev.filtre.bench.jmh;

import dev.filtre.dsl.Conv;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;

/** FashionNet's {@code conv1} alone: one input channel, 32 filters over 28x28. */
@Network(input = {1, 28, 28})
public interface Conv1Layer {
    @Conv(filters = 32, size = 3, pad = 1) @Relu Layer conv1();
}
