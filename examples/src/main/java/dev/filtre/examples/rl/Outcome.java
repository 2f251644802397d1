package dev.filtre.examples.rl;

/**
 * How one episode went.
 *
 * @param steps the steps played, up to the step limit
 * @param cellsDriven the cells driven forward
 * @param totalReward the sum of the rewards, the regret included
 * @param collided true when the episode ended on a wall
 * @param stalled true when the episode ended because the robot turned in place too long
 */
public record Outcome(int steps, int cellsDriven, double totalReward, boolean collided, boolean stalled) {}
