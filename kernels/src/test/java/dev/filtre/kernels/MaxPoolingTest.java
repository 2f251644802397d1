package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Max pooling against its definition written as plain loops over planes, windows and window values:
 * the same maxima bit for bit (NaN, and a +0.0 after a -0.0, included) and the same indices (the
 * first maximum in row-major order), on plane counts on both sides of the corner map's group and
 * of a vector, windows that overlap, skip values or leave the last rows unread, and the 2×2 ones
 * by 2 whose output rows the vector kernels take a vector at a time.
 */
class MaxPoolingTest {
    /** {height, width, window, stride}. */
    private static final int[][] SHAPES = {
        {28, 28, 2, 2}, {14, 14, 2, 2}, {10, 10, 2, 2}, {5, 5, 2, 2}, {7, 7, 3, 2}, {6, 9, 3, 1}, {4, 4, 4, 1},
        {3, 3, 1, 1}, {9, 5, 2, 3},
        // 2×2 windows by 2 with output rows of 9 to 16: whole rows a vector at a time (AVX-512),
        // floored, and one output row only
        {29, 29, 2, 2}, {20, 18, 2, 2}, {5, 32, 2, 2}, {2, 28, 2, 2}, {8, 17, 2, 2},
        // 2×2 windows by 2 with rows of at most half a vector, gathered: odd widths and heights, and a
        // plane of fewer outputs than a vector
        {15, 15, 2, 2}, {16, 15, 2, 2}, {7, 8, 2, 2},
        // 2×2 windows by 2 tiling planes whose output rows are more than a third of a vector and at
        // most half of one: two output rows a vector (AVX-512), the last rows window by window; of a
        // quarter to a third (and {10, 10} above): three rows a vector
        {12, 12, 2, 2}, {16, 16, 2, 2}, {6, 14, 2, 2}, {2, 14, 2, 2}, {10, 12, 2, 2},
        {12, 10, 2, 2}, {2, 10, 2, 2}, {4, 10, 2, 2},
    };
    private static final int[] PLANES = {1, 3, 15, 16, 17, 33};

    @Test
    void matchesTheDefinitionOnEveryShape() {
        Random random = new Random(11);
        for (int[] shape : SHAPES) {
            for (int planes : PLANES) {
                check(random, shape[0], shape[1], shape[2], shape[3], planes, false);
                check(random, shape[0], shape[1], shape[2], shape[3], planes, true);
            }
        }
    }

    /**
     * The backward pass against its definition, a loop adding each output's gradient at its index,
     * on the indices the forward pass wrote: windows apart (the vector path adds sixteen at once)
     * and overlapping, with and without the ReLU's step (only where the output is positive).
     */
    @Test
    void backwardMatchesTheDefinitionOnEveryShape() {
        Random random = new Random(12);
        for (int[] shape : SHAPES) {
            for (int planes : PLANES) {
                Pooled p = Pooled.of(random, shape, planes, 1, false);
                MaxPooling pooling = p.pooling();
                int outputs = p.outputs();
                float[] y = p.y();
                int[] argmax = p.argmax();
                float[] dy = p.dy();
                for (boolean relu : new boolean[] {false, true}) {
                    float[] dx = new float[1 + p.inputs()];
                    for (int i = 0; i < dx.length; i++) {
                        dx[i] = random.nextInt(3);
                    }
                    float[] expected = dx.clone();
                    for (int k = 0; k < outputs; k++) {
                        if (!relu || y[4 + k] > 0f) {
                            expected[argmax[2 + k]] += dy[4 + k];
                        }
                    }
                    pooling.backward(planes, dy, 4, relu ? y : null, argmax, 2, dx);
                    assertArrayEquals(bits(expected), bits(dx),
                            pooling + " backward on " + planes + " planes" + (relu ? " after a ReLU" : ""));
                }
            }
        }
    }

    /**
     * Setting the input gradient against clearing it then adding ({@link MaxPooling#backward}): the
     * same bits (a -0.0 gradient comes out +0.0, a NaN stays), and nothing written outside the
     * planes, on every shape (the vector kernels write the 2×2 by 2 ones whose rows are more than
     * half a vector once per value), with and without the ReLU's step, the input at an offset.
     */
    @Test
    void backwardIntoGivesClearingThenBackwardOnEveryShape() {
        Random random = new Random(13);
        int[][] shapes = java.util.Arrays.copyOf(SHAPES, SHAPES.length + 3);
        shapes[SHAPES.length] = new int[] {18, 18, 2, 2};
        shapes[SHAPES.length + 1] = new int[] {4, 32, 2, 2};
        shapes[SHAPES.length + 2] = new int[] {30, 20, 2, 2};
        for (int[] shape : shapes) {
            for (int planes : PLANES) {
                Pooled p = Pooled.of(random, shape, planes, 3, true);
                MaxPooling pooling = p.pooling();
                int inputs = p.inputs();
                float[] y = p.y();
                int[] argmax = p.argmax();
                float[] dy = p.dy();
                for (boolean relu : new boolean[] {false, true}) {
                    float[] expected = new float[3 + inputs + 2];
                    java.util.Arrays.fill(expected, 7f);
                    java.util.Arrays.fill(expected, 3, 3 + inputs, 0f);
                    pooling.backward(planes, dy, 4, relu ? y : null, argmax, 2, expected);
                    float[] dx = new float[expected.length];
                    for (int i = 0; i < dx.length; i++) {
                        dx[i] = i < 3 || i >= 3 + inputs ? 7f : random.nextInt(5) - 2;
                    }
                    pooling.backwardInto(planes, dy, 4, relu ? y : null, argmax, 2, dx, 3);
                    assertArrayEquals(bits(expected), bits(dx),
                            pooling + " backwardInto on " + planes + " planes" + (relu ? " after a ReLU" : ""));
                }
            }
        }
        MaxPooling pooling = new MaxPooling(4, 4, 2, 2);
        IllegalArgumentException region = assertThrows(IllegalArgumentException.class,
                () -> pooling.backwardInto(2, new float[8], 0, null, new int[8], 0, new float[32], 1));
        assertTrue(region.getMessage().contains("dx [2×4×4] needs 32 values from offset 1"), region.getMessage());
    }

    /**
     * A pooling forward on random planes (few distinct values, the input at {@code xOffset}), its
     * outputs {@code y} from 4, indices from 2, and gradients {@code dy} from 4 (some -0.0 and NaN
     * when {@code special}), for the backward tests.
     */
    private record Pooled(MaxPooling pooling, int inputs, int outputs, float[] y, int[] argmax, float[] dy) {
        static Pooled of(Random random, int[] shape, int planes, int xOffset, boolean special) {
            MaxPooling pooling = new MaxPooling(shape[0], shape[1], shape[2], shape[3]);
            int outputs = planes * pooling.outputHeight() * pooling.outputWidth();
            int inputs = planes * shape[0] * shape[1];
            float[] x = new float[xOffset + inputs];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(9) - 4;
            }
            float[] y = new float[4 + outputs];
            int[] argmax = new int[2 + outputs];
            pooling.forward(x, xOffset, planes, y, 4, argmax, 2);
            float[] dy = new float[4 + outputs];
            for (int k = 0; k < dy.length; k++) {
                int pick = special ? random.nextInt(30) : 2;
                dy[k] = pick == 0 ? -0f : pick == 1 ? Float.NaN : random.nextFloat() - 0.5f;
            }
            return new Pooled(pooling, inputs, outputs, y, argmax, dy);
        }
    }

    @Test
    void aNanMakesItsWindowNanAndATieKeepsTheFirst() {
        MaxPooling pooling = new MaxPooling(2, 4, 2, 2);
        float[] x = {1, 1, Float.NaN, 0, 1, 1, 0, 0};
        float[] y = new float[2];
        int[] argmax = new int[2];
        pooling.forward(x, 0, 1, y, 0, argmax, 0);
        assertEquals(1f, y[0]);
        assertEquals(0, argmax[0]);
        assertTrue(Float.isNaN(y[1]));
    }

    @Test
    void outputSizeIsRoundedDown() {
        MaxPooling pooling = new MaxPooling(5, 7, 2, 2);
        assertEquals(2, pooling.outputHeight());
        assertEquals(3, pooling.outputWidth());
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class, () -> new MaxPooling(3, 3, 4, 1));
        assertTrue(window.getMessage().contains("4x4 window does not fit a 3x3 plane"), window.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MaxPooling(3, 3, 2, 0));
        MaxPooling pooling = new MaxPooling(4, 4, 2, 2);
        IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
                () -> pooling.forward(new float[31], 0, 2, new float[8], 0, new int[8], 0));
        assertTrue(input.getMessage().contains("x [2×4×4] needs 32 values from offset 0"), input.getMessage());
        IllegalArgumentException output = assertThrows(IllegalArgumentException.class,
                () -> pooling.forward(new float[32], 0, 2, new float[8], 1, new int[8], 0));
        assertTrue(output.getMessage().contains("y [2×2×2] needs 8 values from offset 1"), output.getMessage());
        IllegalArgumentException indices = assertThrows(IllegalArgumentException.class,
                () -> pooling.forward(new float[32], 0, 2, new float[8], 0, new int[7], 0));
        assertTrue(indices.getMessage().contains("argmax needs 8 values from offset 0"), indices.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> pooling.forward(new float[32], 0, -1, new float[8], 0, new int[8], 0));
        IllegalArgumentException gradient = assertThrows(IllegalArgumentException.class,
                () -> pooling.backward(2, new float[7], 0, null, new int[8], 0, new float[32]));
        assertTrue(gradient.getMessage().contains("dy [2×2×2] needs 8 values from offset 0"), gradient.getMessage());
        IllegalArgumentException positive = assertThrows(IllegalArgumentException.class,
                () -> pooling.backward(2, new float[8], 0, new float[6], new int[8], 0, new float[32]));
        assertTrue(positive.getMessage().contains("y [2×2×2] needs 8 values"), positive.getMessage());
    }

    /** Pools from offsets into arrays with guard values around the regions, which must stay. */
    private static void check(Random random, int height, int width, int window, int stride, int planes,
            boolean special) {
        MaxPooling pooling = new MaxPooling(height, width, window, stride);
        int outputs = pooling.outputHeight() * pooling.outputWidth();
        float[] x = new float[3 + planes * height * width + 2];
        for (int i = 0; i < x.length; i++) {
            // few distinct values, so that windows often tie
            x[i] = random.nextInt(7) - 3;
            if (special) {
                int pick = random.nextInt(40);
                x[i] = pick == 0 ? Float.NaN : pick == 1 ? -0f : pick == 2 ? 0f : x[i];
            }
        }
        float[] y = new float[5 + planes * outputs + 1];
        int[] argmax = new int[2 + planes * outputs + 1];
        java.util.Arrays.fill(y, 42f);
        java.util.Arrays.fill(argmax, -7);
        float[] expectedY = y.clone();
        int[] expectedArgmax = argmax.clone();
        for (int c = 0; c < planes; c++) {
            for (int i = 0; i < pooling.outputHeight(); i++) {
                for (int j = 0; j < pooling.outputWidth(); j++) {
                    int corner = 3 + c * height * width + i * stride * width + j * stride;
                    int best = corner;
                    float max = x[corner];
                    for (int u = 0; u < window; u++) {
                        for (int v = 0; v < window; v++) {
                            int index = corner + u * width + v;
                            if (x[index] > max) {
                                best = index;
                            }
                            max = Math.max(max, x[index]);
                        }
                    }
                    int o = c * outputs + i * pooling.outputWidth() + j;
                    expectedY[5 + o] = max;
                    expectedArgmax[2 + o] = best;
                }
            }
        }
        pooling.forward(x, 3, planes, y, 5, argmax, 2);
        String what = pooling + " on " + planes + " planes" + (special ? " with NaN and signed zeros" : "");
        assertArrayEquals(bits(expectedY), bits(y), what + ": maxima");
        assertArrayEquals(expectedArgmax, argmax, what + ": indices");
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
