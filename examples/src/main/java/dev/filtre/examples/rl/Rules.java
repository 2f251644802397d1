package dev.filtre.examples.rl;

/**
 * The rules of an episode: how long it may last and when the robot is rewarded.
 *
 * <p>The reward is sparse, as in the lecture's robot ("on gagne une récompense si on évite tous les
 * murs dans la pièce pendant assez longtemps"): nothing for most steps, {@code reward} each time
 * the robot has driven another {@code cellsPerReward} cells without touching a wall, and
 * {@code regret} (negative) on the step it drives into a wall, which ends the episode. Turning in
 * place is safe but earns nothing, so a robot that only spins survives and gains nothing.
 *
 * @param maxSteps the step limit: the episode is truncated after this many steps
 * @param cellsPerReward the number of cells driven between two rewards
 * @param reward the reward for each {@code cellsPerReward} cells driven
 * @param regret the reward of a collision, negative
 */
public record Rules(int maxSteps, int cellsPerReward, double reward, double regret) {
    /** The rules of the demo: 200 steps, 1 for every 3 cells, -1 for a collision. */
    public static final Rules DEFAULT = new Rules(200, 3, 1.0, -1.0);

    public Rules {
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be positive, got " + maxSteps);
        }
        if (cellsPerReward <= 0) {
            throw new IllegalArgumentException("cellsPerReward must be positive, got " + cellsPerReward);
        }
        if (!(regret <= 0)) {
            throw new IllegalArgumentException("regret must be zero or negative, got " + regret);
        }
    }
}
