package dev.filtre.examples.rl;

/**
 * How much better than usual each step did: the return minus a baseline, scaled. The baseline is
 * the mean return of the batch, and the differences are divided by their standard deviation, so
 * that a batch of equally good episodes teaches nothing and the step size does not depend on the
 * scale of the rewards. Subtracting a baseline leaves the policy gradient unbiased and makes it far
 * less noisy (Williams, 1992).
 */
public final class Advantages {
    /** Below this standard deviation the returns are all the same and the advantages are 0. */
    static final double FLAT = 1e-8;

    private Advantages() {}

    /** {@code (returns[i] - mean) / std}, or all zeros when every return is the same. */
    public static double[] standardized(double[] returns) {
        if (returns.length == 0) {
            return new double[0];
        }
        double mean = 0;
        for (double value : returns) {
            mean += value;
        }
        mean /= returns.length;
        double variance = 0;
        for (double value : returns) {
            variance += (value - mean) * (value - mean);
        }
        double std = Math.sqrt(variance / returns.length);
        double[] advantages = new double[returns.length];
        if (std < FLAT) {
            return advantages;
        }
        for (int i = 0; i < returns.length; i++) {
            advantages[i] = (returns[i] - mean) / std;
        }
        return advantages;
    }
}
