package dev.filtre.examples.rl;

import java.util.Arrays;

/**
 * What happened in one episode, step by step: what the robot saw, what it played and what it got.
 * REINFORCE replays it after the episode, once the returns are known.
 */
final class Trajectory {
    private float[] observations = new float[64 * LocalView.VALUES];
    private int[] actions = new int[64];
    private double[] rewards = new double[64];
    private final double epsilon;
    private int length;

    /** An empty trajectory of an episode played with exploration probability {@code epsilon}. */
    Trajectory(double epsilon) {
        this.epsilon = epsilon;
    }

    /** The exploration probability the episode was played with. */
    double epsilon() {
        return epsilon;
    }

    /** Records one step. */
    void add(float[] observation, int action, double reward) {
        if (length == actions.length) {
            observations = Arrays.copyOf(observations, 2 * observations.length);
            actions = Arrays.copyOf(actions, 2 * actions.length);
            rewards = Arrays.copyOf(rewards, 2 * rewards.length);
        }
        System.arraycopy(observation, 0, observations, length * LocalView.VALUES, LocalView.VALUES);
        actions[length] = action;
        rewards[length] = reward;
        length++;
    }

    int length() {
        return length;
    }

    /** The observations, one after the other; step {@code t} starts at {@code t * LocalView.VALUES}. */
    float[] observations() {
        return observations;
    }

    int action(int step) {
        return actions[step];
    }

    /** The rewards of the steps, a new array of {@link #length()} values. */
    double[] rewards() {
        return Arrays.copyOf(rewards, length);
    }
}
