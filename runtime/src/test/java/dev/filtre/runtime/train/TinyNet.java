package dev.filtre.runtime.train;

import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Softmax;
import dev.filtre.dsl.Tanh;

/** A small classifier of 4-value vectors into 3 classes, for training tests. */
@Network(input = {4})
interface TinyNet {
    @Dense(units = 8) @Tanh Layer hidden();

    @Dense(units = 3) @Softmax Layer out();
}
