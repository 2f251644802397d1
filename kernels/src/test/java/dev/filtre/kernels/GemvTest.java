package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The dense layer's three primitives against naive loops ({@link Reference}, tolerance stated
 * there) on odd sizes and offsets, with the rest of the output array untouched.
 */
class GemvTest {
    private static final int[] SIZES = {1, 3, 4, 7, 16, 17, 33, 100, 130};

    @Test
    void multiplyAddMatchesTheNaiveLoop() {
        Random random = new Random(4);
        for (int m : SIZES) {
            for (int n : SIZES) {
                float[] a = Reference.random(random, 2 + m * n);
                float[] x = Reference.random(random, 5 + n);
                float[] y = Reference.random(random, 3 + m + 1);
                float[] before = y.clone();
                double[][] expected = Reference.multiplyAdd(m, n, 1, a, 2, n, 1, x, 5, 1, 1, y, 3);
                Gemv.multiplyAdd(m, n, a, 2, x, 5, y, 3);
                Reference.assertResult("multiplyAdd(m=" + m + ", n=" + n + ")", expected, y, 3, before);
            }
        }
    }

    @Test
    void multiplyTransposedAddMatchesTheNaiveLoop() {
        Random random = new Random(5);
        for (int m : SIZES) {
            for (int n : SIZES) {
                float[] a = Reference.random(random, 1 + m * n);
                float[] x = Reference.random(random, 2 + m);
                float[] y = Reference.random(random, 4 + n + 2);
                float[] before = y.clone();
                double[][] expected = Reference.multiplyAdd(n, m, 1, a, 1, 1, n, x, 2, 1, 1, y, 4);
                Gemv.multiplyTransposedAdd(m, n, a, 1, x, 2, y, 4);
                Reference.assertResult("multiplyTransposedAdd(m=" + m + ", n=" + n + ")", expected, y, 4, before);
            }
        }
    }

    @Test
    void rankOneUpdateMatchesTheNaiveLoop() {
        Random random = new Random(6);
        for (int m : SIZES) {
            for (int n : SIZES) {
                float[] x = Reference.random(random, 3 + m);
                float[] y = Reference.random(random, 1 + n);
                float[] a = Reference.random(random, 6 + m * n + 1);
                float[] before = a.clone();
                double[][] expected = Reference.multiplyAdd(m, 1, n, x, 3, 1, 1, y, 1, 1, 1, a, 6);
                Gemv.rankOneUpdate(m, n, x, 3, y, 1, a, 6);
                Reference.assertResult("rankOneUpdate(m=" + m + ", n=" + n + ")", expected, a, 6, before);
            }
        }
    }

    @Test
    void addRowSumsMatchesTheNaiveLoop() {
        Random random = new Random(7);
        for (int m : SIZES) {
            for (int n : SIZES) {
                float[] a = Reference.random(random, 3 + m * n);
                float[] ones = new float[n];
                java.util.Arrays.fill(ones, 1f);
                float[] y = Reference.random(random, 2 + m + 1);
                float[] before = y.clone();
                double[][] expected = Reference.multiplyAdd(m, n, 1, a, 3, n, 1, ones, 0, 1, 1, y, 2);
                Gemv.addRowSums(m, n, a, 3, y, 2);
                Reference.assertResult("addRowSums(m=" + m + ", n=" + n + ")", expected, y, 2, before);
            }
        }
    }

    @Test
    void aVectorPastItsArrayIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemv.multiplyAdd(2, 3, new float[6], 0, new float[3], 1, new float[2], 0));
        assertTrue(e.getMessage().equals("multiplyAdd: x [n] needs 3 values from offset 1 but its array has 3"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemv.rankOneUpdate(2, 3, new float[2], 0, new float[3], 0, new float[5], 0));
        assertTrue(e.getMessage().startsWith("rankOneUpdate: a [m×n] needs 6 values"), e.getMessage());
    }
}
