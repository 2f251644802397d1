package dev.filtre.kernels;

/**
 * One step of Adam on a range of parameters, as PyTorch's {@code torch.optim.Adam} without weight
 * decay, each value computed in double precision and stored in float:
 *
 * <pre>
 * m = (float) (β1 m + (1 - β1) g)
 * v = (float) (β2 v + (1 - β2) g g)
 * p = p - (float) (η (m / c1) / (sqrt(v / c2) + ε))      (c1 = 1 - β1^t, c2 = 1 - β2^t)
 * </pre>
 *
 * The vector kernels compute eight parameters at a time with the same double operations in the
 * same order, so both paths give the same bits. Allocates nothing.
 */
public final class AdamStep {
    private AdamStep() {}

    /**
     * Updates {@code parameters}, {@code mean} and {@code meanSquare} at {@code [from, to)} from
     * {@code gradients} at the same positions.
     *
     * @throws IllegalArgumentException when {@code to < from}, {@code from < 0} or the range passes an
     *     array's end
     */
    public static void update(int from, int to, float[] parameters, float[] gradients, float[] mean,
            float[] meanSquare, double learningRate, double correction1, double correction2, double beta1,
            double beta2, double epsilon) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("AdamStep.update: the range [" + from + ", " + to + ") is not a range");
        }
        int length = to - from;
        Regions.region("AdamStep.update", "parameters", parameters, from, length);
        Regions.region("AdamStep.update", "gradients", gradients, from, length);
        Regions.region("AdamStep.update", "mean", mean, from, length);
        Regions.region("AdamStep.update", "meanSquare", meanSquare, from, length);
        Kernels.SELECTED.adam(from, to, parameters, gradients, mean, meanSquare, learningRate, correction1,
                correction2, beta1, beta2, epsilon);
    }
}
