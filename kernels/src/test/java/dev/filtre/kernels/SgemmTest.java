package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The three matrix multiplies against the naive triple loop ({@link Reference}, tolerance stated
 * there) on odd sizes, both sides of every block width of the vector kernels (4 rows, 16 and 32
 * columns with AVX-512), at offsets, with the rest of the output array untouched. Surefire runs this
 * class once with the Vector API and once without it (see the pom).
 */
class SgemmTest {
    private static final int[] SIZES = {1, 3, 4, 5, 16, 17, 31, 33, 50, 64, 68, 100};
    private static final int[][] OFFSETS = {{0, 0, 0}, {3, 7, 5}};

    @Test
    void multiplyAddMatchesTheTripleLoop() {
        Random random = new Random(1);
        for (int m : SIZES) {
            for (int k : SIZES) {
                for (int n : SIZES) {
                    for (int[] offsets : OFFSETS) {
                        float[] a = Reference.random(random, offsets[0] + m * k + 2);
                        float[] b = Reference.random(random, offsets[1] + k * n + 2);
                        float[] c = Reference.random(random, offsets[2] + m * n + 3);
                        float[] before = c.clone();
                        double[][] expected = Reference.multiplyAdd(m, k, n, a, offsets[0], k, 1, b, offsets[1], n, 1,
                                c, offsets[2]);
                        Sgemm.multiplyAdd(m, k, n, a, offsets[0], b, offsets[1], c, offsets[2]);
                        Reference.assertResult(describe("multiplyAdd", m, k, n), expected, c, offsets[2], before);
                    }
                }
            }
        }
    }

    @Test
    void multiplyAddTransposedAMatchesTheTripleLoop() {
        Random random = new Random(2);
        for (int m : SIZES) {
            for (int k : SIZES) {
                for (int n : SIZES) {
                    for (int[] offsets : OFFSETS) {
                        float[] a = Reference.random(random, offsets[0] + k * m + 1);
                        float[] b = Reference.random(random, offsets[1] + k * n + 1);
                        float[] c = Reference.random(random, offsets[2] + m * n + 4);
                        float[] before = c.clone();
                        double[][] expected = Reference.multiplyAdd(m, k, n, a, offsets[0], 1, m, b, offsets[1], n, 1,
                                c, offsets[2]);
                        Sgemm.multiplyAddTransposedA(m, k, n, a, offsets[0], b, offsets[1], c, offsets[2]);
                        Reference.assertResult(describe("multiplyAddTransposedA", m, k, n), expected, c, offsets[2],
                                before);
                    }
                }
            }
        }
    }

    @Test
    void multiplyAddTransposedBMatchesTheTripleLoop() {
        Random random = new Random(3);
        for (int m : SIZES) {
            for (int k : SIZES) {
                for (int n : SIZES) {
                    for (int[] offsets : OFFSETS) {
                        float[] a = Reference.random(random, offsets[0] + m * k);
                        float[] b = Reference.random(random, offsets[1] + n * k);
                        float[] c = Reference.random(random, offsets[2] + m * n + 2);
                        float[] before = c.clone();
                        double[][] expected = Reference.multiplyAdd(m, k, n, a, offsets[0], k, 1, b, offsets[1], 1, k,
                                c, offsets[2]);
                        Sgemm.multiplyAddTransposedB(m, k, n, a, offsets[0], b, offsets[1], c, offsets[2]);
                        Reference.assertResult(describe("multiplyAddTransposedB", m, k, n), expected, c, offsets[2],
                                before);
                    }
                }
            }
        }
    }

    @Test
    void multiplyAddTransposedBWithScratchMatchesTheTripleLoop() {
        Random random = new Random(4);
        for (int m : SIZES) {
            for (int k : SIZES) {
                for (int n : SIZES) {
                    float[] a = Reference.random(random, 1 + m * k);
                    float[] b = Reference.random(random, 2 + n * k);
                    float[] c = Reference.random(random, 3 + m * n);
                    float[] scratch = Reference.random(random, 5 + k * n);
                    float[] before = c.clone();
                    double[][] expected = Reference.multiplyAdd(m, k, n, a, 1, k, 1, b, 2, 1, k, c, 3);
                    Sgemm.multiplyAddTransposedB(m, k, n, a, 1, b, 2, c, 3, scratch, 5);
                    Reference.assertResult(describe("multiplyAddTransposedB with scratch", m, k, n), expected, c, 3,
                            before);
                }
            }
        }
    }

    /**
     * {@code C += A·Bᵀ} on every remainder of the dot-product blocks (rows and columns of {@code C}
     * 1 to 9: the four-by-four blocks, the four-by-two and four-by-one edges, the two-row and one-row
     * tails and their corners), inner dimensions on both sides of a vector and with a scalar tail,
     * and shapes either side of the scratch form's switch to a transposition ({@code n ≥ 32}; {@code
     * k ≤ 4m}, or {@code k < 128} and {@code k ≤ 8m}); both forms, at offsets.
     */
    @Test
    void multiplyAddTransposedBMatchesTheTripleLoopOnEveryBlockEdge() {
        Random random = new Random(5);
        int[] edges = {1, 2, 3, 4, 5, 6, 7, 8, 9, 25};
        int[] inner = {1, 15, 16, 17, 47, 161};
        for (int m : edges) {
            for (int n : edges) {
                for (int k : inner) {
                    transposedBBothForms(random, m, k, n);
                }
            }
        }
        for (int n : new int[] {32, 33, 34, 35}) {
            for (int[] mk : new int[][] {{16, 64}, {16, 65}, {16, 127}, {16, 128}, {6, 24}, {6, 25}, {7, 56}, {2, 161}}) {
                transposedBBothForms(random, mk[0], mk[1], n);
            }
        }
    }

    /**
     * {@code C += A·Bᵀ} with the shapes of a chunk's weight gradient ({@code m} filters in whole
     * vectors, a long inner dimension {@code k}, {@code n} patch values), for which the vector
     * kernels compute {@code Cᵀ = B·Aᵀ} in the scratch and add it transposed: rows of {@code Cᵀ}
     * on both sides of the six-row blocks, columns of {@code Cᵀ} in two and four vectors.
     */
    @Test
    void multiplyAddTransposedBMatchesTheTripleLoopOnWeightGradientShapes() {
        Random random = new Random(6);
        for (int[] mkn : new int[][] {{32, 161, 40}, {32, 161, 100}, {32, 300, 47}, {64, 300, 81}, {64, 588, 288},
                {48, 400, 97}}) {
            transposedBBothForms(random, mkn[0], mkn[1], mkn[2]);
        }
    }

    private static void transposedBBothForms(Random random, int m, int k, int n) {
        float[] a = Reference.random(random, 1 + m * k);
        float[] b = Reference.random(random, 2 + n * k);
        float[] c = Reference.random(random, 3 + m * n + 2);
        float[] before = c.clone();
        double[][] expected = Reference.multiplyAdd(m, k, n, a, 1, k, 1, b, 2, 1, k, c, 3);
        Sgemm.multiplyAddTransposedB(m, k, n, a, 1, b, 2, c, 3);
        Reference.assertResult(describe("multiplyAddTransposedB", m, k, n), expected, c, 3, before);
        c = before.clone();
        float[] scratch = Reference.random(random, 4 + k * n);
        Sgemm.multiplyAddTransposedB(m, k, n, a, 1, b, 2, c, 3, scratch, 4);
        Reference.assertResult(describe("multiplyAddTransposedB with scratch", m, k, n), expected, c, 3, before);
    }

    @Test
    void emptyDimensionsChangeNothing() {
        float[] c = {1, 2, 3};
        Sgemm.multiplyAdd(0, 5, 3, new float[0], 0, new float[15], 0, c, 0);
        Sgemm.multiplyAdd(1, 0, 3, new float[0], 0, new float[0], 0, c, 0);
        Sgemm.multiplyAddTransposedB(1, 0, 3, new float[0], 0, new float[0], 0, c, 0);
        assertTrue(c[0] == 1 && c[1] == 2 && c[2] == 3);
    }

    @Test
    void aMatrixPastItsArrayIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sgemm.multiplyAdd(2, 3, 4, new float[6], 1, new float[12], 0, new float[8], 0));
        assertTrue(e.getMessage().equals("multiplyAdd: a [m×k] needs 6 values from offset 1 but its array has 6"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sgemm.multiplyAddTransposedB(2, 3, 4, new float[6], 0, new float[11], 0, new float[8], 0));
        assertTrue(e.getMessage().startsWith("multiplyAddTransposedB: b [n×k] needs 12 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sgemm.multiplyAddTransposedA(2, -3, 4, new float[6], 0, new float[12], 0, new float[8], 0));
        assertTrue(e.getMessage().equals("multiplyAddTransposedA: negative dimension in (m, k, n) = (2, -3, 4)"),
                e.getMessage());
    }

    private static String describe(String operation, int m, int k, int n) {
        return operation + "(m=" + m + ", k=" + k + ", n=" + n + ")";
    }
}
