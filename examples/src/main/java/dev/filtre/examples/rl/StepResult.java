package dev.filtre.examples.rl;

/**
 * What one step returns, as in Gymnasium's {@code step}: the new observation, the reward of the
 * step, and whether the episode ended by its own rules ({@code terminated}: the robot hit a wall
 * or stalled) or was cut at the step limit ({@code truncated}).
 */
public record StepResult(float[] observation, double reward, boolean terminated, boolean truncated) {
    /** True when the episode is over, either way. */
    public boolean done() {
        return terminated || truncated;
    }
}
