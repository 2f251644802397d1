package dev.filtre.examples.rl;

import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Softmax;

/** A policy with one output too few for the robot, to check that the trainer refuses it. */
@Network(input = {1, 7, 7})
interface TwoActions {
    @Dense(units = 2) @Softmax Layer out();
}
