package dev.filtre.examples.rl;

/**
 * The rules of an episode: how long it may last and when the robot is rewarded.
 *
 * <p>The reward is sparse, as in the lecture's robot ("on gagne une récompense si on évite tous les
 * murs dans la pièce pendant assez longtemps"): nothing for most steps, {@code reward} each time
 * the robot has driven another {@code cellsPerReward} cells without touching a wall, and
 * {@code regret} (negative) on the step it drives into a wall, which ends the episode. Turning in
 * place is allowed (a U-turn takes two steps) but the robot must keep moving: a turn after
 * {@code maxTurnsInPlace} turns in a row stalls it, which ends the episode with the same regret as a
 * wall. Without that rule, spinning in place forever would be a perfect way of never touching a
 * wall.
 *
 * @param maxSteps the step limit: the episode is truncated after this many steps
 * @param cellsPerReward the number of cells driven between two rewards
 * @param maxTurnsInPlace the most turns the robot may make in a row without stalling
 * @param reward the reward for each {@code cellsPerReward} cells driven
 * @param regret the reward of a collision or a stall, negative
 */
public record Rules(int maxSteps, int cellsPerReward, int maxTurnsInPlace, double reward, double regret) {
    /** The rules of the demo: 200 steps, 1 for every 3 cells, 3 turns in a row at most, -1 for an accident. */
    public static final Rules DEFAULT = new Rules(200, 3, 3, 1.0, -1.0);

    public Rules {
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be positive, got " + maxSteps);
        }
        if (cellsPerReward <= 0) {
            throw new IllegalArgumentException("cellsPerReward must be positive, got " + cellsPerReward);
        }
        if (maxTurnsInPlace < 2) {
            throw new IllegalArgumentException(
                    "maxTurnsInPlace must be at least 2 so that the robot can make a U-turn, got " + maxTurnsInPlace);
        }
        if (!(regret <= 0)) {
            throw new IllegalArgumentException("regret must be zero or negative, got " + regret);
        }
    }
}
