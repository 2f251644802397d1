package dev.filtre.bench;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * One figure of the benchmark: the median of several runs, each run a number in {@code unit}.
 *
 * @param unit {@code images/s} or {@code us}
 * @param value the median of {@code runs}
 * @param runs every run's figure, in the order measured
 */
public record Measurement(String unit, double value, double[] runs) {
    /** Runs {@code run} {@code count} times and keeps the median. */
    public static Measurement medianOf(int count, String unit, DoubleSupplier run) {
        if (count < 1) {
            throw new IllegalArgumentException("run count " + count + " is not positive");
        }
        double[] runs = new double[count];
        for (int i = 0; i < count; i++) {
            runs[i] = run.getAsDouble();
        }
        return new Measurement(unit, median(runs), runs);
    }

    /** The median of {@code values}: the middle one, or the mean of the two middle ones. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    @Override
    public double[] runs() {
        return runs.clone();
    }
}
