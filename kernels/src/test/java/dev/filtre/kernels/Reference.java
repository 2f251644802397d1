package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/**
 * Naive definitions, in double precision, that the kernels are checked against, and the
 * comparison.
 *
 * <p>Tolerance: a kernel's value may differ from the exact one by {@code 1e-5 × (|c| + Σ|aᵢ·bᵢ|)},
 * the magnitudes summed into it. Float rounding in any summation order stays below {@code n · 2⁻²⁴}
 * of that, {@code 9.6e-6} for the longest sums here ({@code n = 161}).
 */
final class Reference {
    static final double TOLERANCE = 1e-5;

    private Reference() {}

    static float[] random(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }

    /**
     * {@code C += A·B} in double with {@code A}'s element {@code (i, p)} at {@code aOffset + i *
     * aRow + p * aColumn}, {@code B}'s {@code (p, j)} at {@code bOffset + p * bRow + j * bColumn};
     * also returns, per value, the sum of magnitudes that went into it.
     */
    static double[][] multiplyAdd(int m, int k, int n, float[] a, int aOffset, int aRow, int aColumn, float[] b,
            int bOffset, int bRow, int bColumn, float[] c, int cOffset) {
        double[] exact = new double[m * n];
        double[] magnitude = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = c[cOffset + i * n + j];
                double size = Math.abs(sum);
                for (int p = 0; p < k; p++) {
                    double product = (double) a[aOffset + i * aRow + p * aColumn] * b[bOffset + p * bRow + j * bColumn];
                    sum += product;
                    size += Math.abs(product);
                }
                exact[i * n + j] = sum;
                magnitude[i * n + j] = size;
            }
        }
        return new double[][] {exact, magnitude};
    }

    /**
     * Fails unless {@code actual} holds {@code expected[0]} from {@code offset} within the tolerance
     * of {@code expected[1]}, and every value outside that region still equals {@code before}.
     */
    static void assertResult(String what, double[][] expected, float[] actual, int offset, float[] before) {
        double[] exact = expected[0];
        double[] magnitude = expected[1];
        for (int index = 0; index < actual.length; index++) {
            int r = index - offset;
            if (r >= 0 && r < exact.length) {
                double error = Math.abs(actual[index] - exact[r]);
                if (error > TOLERANCE * magnitude[r] + 1e-30) {
                    fail(what + ": value " + r + " is " + actual[index] + ", expected " + exact[r] + " (error "
                            + error + " > " + TOLERANCE + " × " + magnitude[r] + ") with " + Kernels.implementation());
                }
            } else if (Float.floatToIntBits(actual[index]) != Float.floatToIntBits(before[index])) {
                fail(what + ": index " + index + " outside the result was written");
            }
        }
    }
}
