package dev.filtre.examples.rl;

import dev.filtre.dsl.Model;
import java.util.SplittableRandom;

/** Chooses the robot's next action from what it sees. */
@FunctionalInterface
public interface Policy {
    /** The index of the action to play (see {@link Action#ofIndex(int)}). */
    int act(float[] observation);

    /** The trained robot: always the most probable action of {@code model}'s output. */
    static Policy greedy(Model model) {
        return observation -> Exploration.argmax(model.forward(observation, 0));
    }

    /** The random robot the trained one is compared with: every action equally likely. */
    static Policy uniform(SplittableRandom random) {
        return observation -> random.nextInt(Action.COUNT);
    }
}
