package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares float32 results with float64 references: {@code |actual - expected| <= absolute +
 * relative * |expected|}. {@link #EXACT} is for the lecture's integer examples, whose every sum is
 * an exact small integer in float32.
 */
record Tolerance(double absolute, double relative) {
    /** Exact equality. */
    static final Tolerance EXACT = new Tolerance(0, 0);

    /**
     * For one layer: float32 rounds each of the at most a few hundred products and sums of
     * N(0,1)-sized values with a relative error of 6e-8, which accumulates to about 1e-6; 1e-4
     * leaves a wide margin while still catching any wrong index (errors of order 1). Whole
     * networks (LeNet: dot products of 400 terms through five layers) stay within it too.
     */
    static final Tolerance LAYER = new Tolerance(1e-4, 1e-4);

    void check(double[] expected, int expectedOffset, float[] actual, int actualOffset, int length,
            String what) {
        if (expectedOffset + length > expected.length) {
            fail(what + ": the reference has " + expected.length + " values, not " + (expectedOffset + length));
        }
        for (int i = 0; i < length; i++) {
            double e = expected[expectedOffset + i];
            double a = actual[actualOffset + i];
            if (!(Math.abs(a - e) <= absolute + relative * Math.abs(e))) {
                fail(String.format("%s[%d]: expected %s, got %s (tolerance %s + %s * |expected|)", what, i, e, a,
                        absolute, relative));
            }
        }
    }

    void check(double[] expected, float[] actual, String what) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " values, got " + actual.length);
        }
        check(expected, 0, actual, 0, expected.length, what);
    }
}
