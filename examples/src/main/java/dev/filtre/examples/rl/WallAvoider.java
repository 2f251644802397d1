package dev.filtre.examples.rl;

import dev.filtre.dsl.Conv;
import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;
import dev.filtre.dsl.Softmax;
import dev.filtre.dsl.Tanh;

/**
 * The robot's policy: from its 7x7 view (see {@link LocalView}) to the probability of each
 * {@link Action}. Two small convolutions find the patterns that matter (a wall ahead, an opening to
 * one side, a dead end), and two dense layers weigh them. The processor checks the shapes while
 * javac runs and writes {@code WallAvoiderModel} (5,987 parameters).
 *
 * <p>The dense layer uses tanh rather than ReLU, from measurement: with ReLU there, one of three
 * seeds trained with the demo's decaying schedule became certain of {@link Action#FORWARD} in every
 * state (logits about 10 apart), where the policy gradient {@code p - onehot} vanishes, and never
 * recovered; with tanh the same runs all learned.
 */
@Network(input = {1, 7, 7}, maxParameters = 10_000)
public interface WallAvoider {
    @Conv(filters = 8, size = 3) @Relu  Layer conv1();
    @Conv(filters = 16, size = 3) @Relu Layer conv2();
    @Dense(units = 32) @Tanh            Layer hidden();
    @Dense(units = 3) @Softmax          Layer policy();
}
