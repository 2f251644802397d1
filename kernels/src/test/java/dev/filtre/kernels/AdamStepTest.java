package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Adam's step against the formula written out one parameter at a time, bit for bit, on ranges that
 * do and do not fill whole vectors, with gradients of every sign and scale, zeros and negative
 * zeros. Surefire runs this class once with the Vector API and once without it.
 */
class AdamStepTest {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    @Test
    void givesTheFormulasBitsOnEveryRange() {
        Random random = new Random(5);
        for (int[] range : new int[][] {{0, 0}, {0, 1}, {0, 7}, {0, 8}, {3, 20}, {5, 101}, {16, 64}}) {
            int size = range[1] + 3;
            float[] p = values(random, size, 1f);
            float[] g = values(random, size, 0.01f);
            float[] m = values(random, size, 0.001f);
            float[] v = values(random, size, 1e-6f);
            for (int k = 0; k < size; k += 5) {
                g[k] = k % 10 == 0 ? 0f : -0f;
                v[k] = 0f;
            }
            float[] expectedP = p.clone();
            float[] expectedM = m.clone();
            float[] expectedV = v.clone();
            for (int step = 1; step <= 3; step++) {
                double c1 = 1 - Math.pow(BETA1, step);
                double c2 = 1 - Math.pow(BETA2, step);
                for (int i = range[0]; i < range[1]; i++) {
                    double gradient = g[i];
                    expectedM[i] = (float) (BETA1 * expectedM[i] + (1 - BETA1) * gradient);
                    expectedV[i] = (float) (BETA2 * expectedV[i] + (1 - BETA2) * gradient * gradient);
                    expectedP[i] -= (float) (0.003 * (expectedM[i] / c1) / (Math.sqrt(expectedV[i] / c2) + EPSILON));
                }
                AdamStep.update(range[0], range[1], p, g, m, v, 0.003, c1, c2, BETA1, BETA2, EPSILON);
                String where = "range " + range[0] + ".." + range[1] + ", step " + step;
                assertArrayEquals(expectedM, m, where);
                assertArrayEquals(expectedV, v, where);
                assertArrayEquals(expectedP, p, where);
            }
        }
    }

    @Test
    void aRangePastAnArrayIsNamed() {
        float[] small = new float[4];
        float[] big = new float[8];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdamStep.update(2, 6, big, big, small, big, 0.1, 1, 1, BETA1, BETA2, EPSILON));
        assertEquals("AdamStep.update: mean needs 4 values from offset 2 but its array has 4", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AdamStep.update(3, 2, big, big, big, big, 0.1, 1, 1, BETA1, BETA2, EPSILON));
    }

    private static float[] values(Random random, int size, float scale) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }
}
