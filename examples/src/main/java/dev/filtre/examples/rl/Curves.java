package dev.filtre.examples.rl;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Turns episode outcomes into the smooth curves of a learning-curve chart. */
public final class Curves {
    private Curves() {}

    /** One value per episode, e.g. {@code Outcome::cellsDriven}. */
    public static double[] of(List<Outcome> outcomes, ToDoubleFunction<Outcome> measure) {
        return outcomes.stream().mapToDouble(measure).toArray();
    }

    /** The element-wise mean of runs of equal length (the same setting trained from several seeds). */
    public static double[] mean(List<double[]> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("the mean of no runs");
        }
        double[] mean = new double[runs.get(0).length];
        for (double[] run : runs) {
            if (run.length != mean.length) {
                throw new IllegalArgumentException(
                        "runs of different lengths: " + run.length + " and " + mean.length + " episodes");
            }
            for (int i = 0; i < mean.length; i++) {
                mean[i] += run[i] / runs.size();
            }
        }
        return mean;
    }

    /**
     * The trailing moving average: value {@code i} is the mean of {@code values[i - window + 1 .. i]},
     * or of {@code values[0 .. i]} for the first {@code window - 1}.
     */
    public static double[] movingAverage(double[] values, int window) {
        if (window <= 0) {
            throw new IllegalArgumentException("the window must be positive, got " + window);
        }
        double[] average = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= window) {
                sum -= values[i - window];
            }
            average[i] = sum / Math.min(i + 1, window);
        }
        return average;
    }

    /** {@code 1, 2, ..., count}: the episode numbers of a curve. */
    public static double[] episodeNumbers(int count) {
        double[] numbers = new double[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = i + 1;
        }
        return numbers;
    }
}
