package dev.filtre.examples.rl;

import java.util.List;

/** Plays episodes: a policy in a room until it hits a wall, stalls or reaches the step limit. */
public final class Episodes {
    private Episodes() {}

    /** Plays one episode in the room of {@code roomSeed}. */
    public static Outcome play(RobotEnvironment environment, long roomSeed, Policy policy) {
        return play(environment, roomSeed, policy, null, null);
    }

    /**
     * Plays one episode in the room of {@code roomSeed} and adds every pose, the start included, to
     * {@code path}.
     */
    public static Outcome play(RobotEnvironment environment, long roomSeed, Policy policy, List<Pose> path) {
        return play(environment, roomSeed, policy, null, path);
    }

    static Outcome play(
            RobotEnvironment environment, long roomSeed, Policy policy, Trajectory trajectory, List<Pose> path) {
        float[] observation = environment.reset(roomSeed);
        if (path != null) {
            path.add(environment.pose());
        }
        double total = 0;
        StepResult result;
        do {
            int action = policy.act(observation);
            result = environment.step(action);
            if (trajectory != null) {
                trajectory.add(observation, action, result.reward());
            }
            if (path != null) {
                path.add(environment.pose());
            }
            total += result.reward();
            observation = result.observation();
        } while (!result.done());
        return new Outcome(environment.steps(), environment.cellsDriven(), total, environment.collided(),
                environment.stalled());
    }
}
