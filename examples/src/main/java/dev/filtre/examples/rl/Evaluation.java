package dev.filtre.examples.rl;

/**
 * Averages of a policy over many episodes, each in its own room.
 *
 * @param episodes the number of episodes
 * @param firstRoomSeed the seed of the first room; episode {@code i} plays room {@code firstRoomSeed + i}
 * @param meanSteps the mean number of steps before the episode ended
 * @param meanCells the mean number of cells driven
 * @param meanReturn the mean sum of rewards
 * @param collisionRate the fraction of episodes that ended on a wall
 * @param stallRate the fraction of episodes that ended in a stall
 */
public record Evaluation(
        int episodes,
        long firstRoomSeed,
        double meanSteps,
        double meanCells,
        double meanReturn,
        double collisionRate,
        double stallRate) {

    /** Plays {@code episodes} episodes of {@code policy} in rooms {@code firstRoomSeed, firstRoomSeed + 1, ...}. */
    public static Evaluation of(RobotEnvironment environment, Policy policy, long firstRoomSeed, int episodes) {
        if (episodes <= 0) {
            throw new IllegalArgumentException("an evaluation needs at least one episode, got " + episodes);
        }
        double steps = 0;
        double cells = 0;
        double returns = 0;
        int collisions = 0;
        int stalls = 0;
        for (int i = 0; i < episodes; i++) {
            Outcome outcome = Episodes.play(environment, firstRoomSeed + i, policy);
            steps += outcome.steps();
            cells += outcome.cellsDriven();
            returns += outcome.totalReward();
            collisions += outcome.collided() ? 1 : 0;
            stalls += outcome.stalled() ? 1 : 0;
        }
        return new Evaluation(episodes, firstRoomSeed, steps / episodes, cells / episodes, returns / episodes,
                (double) collisions / episodes, (double) stalls / episodes);
    }
}
