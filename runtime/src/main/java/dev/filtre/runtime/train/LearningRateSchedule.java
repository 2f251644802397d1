package dev.filtre.runtime.train;

/**
 * How the learning rate changes during training, from the optimizer's base rate. The trainer asks
 * for the rate before every optimizer step. The built-in schedules compute with {@link StrictMath},
 * the same bits on every platform.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /**
     * The learning rate for one step.
     *
     * @param baseRate the optimizer's learning rate
     * @param step the step, counted from 0 over the whole run
     * @param stepsPerEpoch the number of batches per epoch
     * @param totalSteps the number of steps of the whole run
     */
    double rate(double baseRate, long step, int stepsPerEpoch, long totalSteps);

    /** The base rate throughout. */
    static LearningRateSchedule constant() {
        return (baseRate, step, stepsPerEpoch, totalSteps) -> baseRate;
    }

    /**
     * PyTorch's {@code StepLR}: the rate is multiplied by {@code factor} every {@code everyEpochs}
     * epochs, i.e. {@code baseRate * factor^floor(epoch / everyEpochs)}.
     */
    static LearningRateSchedule step(int everyEpochs, double factor) {
        if (everyEpochs <= 0 || !(factor > 0)) {
            throw new IllegalArgumentException("step schedule needs everyEpochs > 0 and factor > 0, got "
                    + everyEpochs + " and " + factor);
        }
        return (baseRate, step, stepsPerEpoch, totalSteps) ->
                baseRate * StrictMath.pow(factor, (step / stepsPerEpoch) / everyEpochs);
    }

    /**
     * Cosine annealing per step from the base rate down to 0 at the end of the run: {@code baseRate
     * (1 + cos(π step / totalSteps)) / 2}.
     */
    static LearningRateSchedule cosine() {
        return cosine(0);
    }

    /** Cosine annealing per step from the base rate down to {@code minimumRate}. */
    static LearningRateSchedule cosine(double minimumRate) {
        return (baseRate, step, stepsPerEpoch, totalSteps) ->
                minimumRate + (baseRate - minimumRate) * (1 + StrictMath.cos(Math.PI * step / totalSteps)) / 2;
    }

    /**
     * PyTorch's {@code OneCycleLR} with its defaults, the base rate as the peak: over the first 30%
     * of the steps the rate rises from {@code baseRate / 25} to {@code baseRate}, then falls to
     * {@code baseRate / 25 / 1e4}, both along half a cosine.
     */
    static LearningRateSchedule oneCycle() {
        return (baseRate, step, stepsPerEpoch, totalSteps) -> {
            double start = baseRate / 25;
            double end = start / 1e4;
            double peak = 0.3 * totalSteps - 1;
            if (step <= peak) {
                return cosineBetween(start, baseRate, step / peak);
            }
            return cosineBetween(baseRate, end, (step - peak) / (totalSteps - 1 - peak));
        };
    }

    /** From {@code from} at {@code fraction = 0} to {@code to} at 1, along half a cosine. */
    private static double cosineBetween(double from, double to, double fraction) {
        return to + (from - to) * (1 + StrictMath.cos(Math.PI * Math.min(fraction, 1))) / 2;
    }
}
