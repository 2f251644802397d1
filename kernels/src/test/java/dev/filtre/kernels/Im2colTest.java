package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Unfolding and folding against the definitions, and a whole convolution (unfold, then {@link
 * Sgemm}) and its two gradients against a naive six-deep loop, on paddings, strides, floored output
 * sizes and windows wider than the unpadded input.
 */
class Im2colTest {
    private static final ConvGeometry[] GEOMETRIES = {
        new ConvGeometry(1, 4, 5, 3, 1, 0),
        new ConvGeometry(3, 5, 5, 3, 2, 1), // cs231n's example in the lecture
        new ConvGeometry(2, 7, 6, 3, 1, 1),
        new ConvGeometry(1, 28, 28, 5, 1, 2), // LeNet-5's conv1
        new ConvGeometry(32, 14, 14, 3, 1, 1), // FashionNet's conv2
        new ConvGeometry(3, 8, 9, 2, 3, 0), // floored: the last row and columns are never read
        new ConvGeometry(2, 4, 5, 5, 2, 2), // window wider than the input
        new ConvGeometry(1, 1, 1, 3, 1, 1),
        new ConvGeometry(2, 9, 7, 4, 3, 3),
        new ConvGeometry(2, 2, 1, 5, 1, 2), // same width, each side's pad wider than the input
        new ConvGeometry(2, 5, 1, 5, 1, 2),
    };

    @Test
    void theLecturesPlusKernelGivesItsTable() {
        ConvGeometry g = new ConvGeometry(1, 4, 5, 3, 1, 0);
        float[] image = {2, 0, 4, 1, 0, 1, 1, 1, 0, 0, 5, 1, 3, 0, 0, 1, 0, 0, 0, 0};
        float[] plus = {0, 1, 0, 1, 1, 1, 0, 1, 0};
        float[] columns = new float[g.columnsSize()];
        Im2col.unfold(g, image, 0, columns, 0);
        float[] output = new float[g.pixels()];
        Sgemm.multiplyAdd(1, g.patch(), g.pixels(), plus, 0, columns, 0, output, 0);
        assertArrayEquals(new float[] {4, 9, 2, 10, 5, 3}, output);
    }

    @Test
    void unfoldWritesEveryWindowValueAndZerosInThePadding() {
        Random random = new Random(7);
        for (ConvGeometry g : GEOMETRIES) {
            float[] input = Reference.random(random, 3 + g.inputSize());
            float[] columns = new float[2 + g.columnsSize() + 2];
            Arrays.fill(columns, Float.NaN);
            Im2col.unfold(g, input, 3, columns, 2);
            for (int index = 0; index < columns.length; index++) {
                int r = index - 2;
                if (r < 0 || r >= g.columnsSize()) {
                    assertTrue(Float.isNaN(columns[index]), g + ": wrote outside the matrix at " + index);
                } else {
                    assertEquals(unfolded(g, input, 3, r / g.pixels(), r % g.pixels()), columns[index],
                            g + ": row " + r / g.pixels() + ", column " + r % g.pixels());
                }
            }
        }
    }

    @Test
    void foldAddAddsEachValueWhereItWasRead() {
        Random random = new Random(8);
        for (ConvGeometry g : GEOMETRIES) {
            float[] columns = Reference.random(random, 1 + g.columnsSize());
            float[] gradient = Reference.random(random, 4 + g.inputSize() + 1);
            double[] expected = new double[gradient.length];
            for (int i = 0; i < gradient.length; i++) {
                expected[i] = gradient[i];
            }
            for (int row = 0; row < g.patch(); row++) {
                for (int pixel = 0; pixel < g.pixels(); pixel++) {
                    int at = inputIndex(g, row, pixel);
                    if (at >= 0) {
                        expected[4 + at] += columns[1 + row * g.pixels() + pixel];
                    }
                }
            }
            Im2col.foldAdd(g, columns, 1, gradient, 4);
            for (int i = 0; i < gradient.length; i++) {
                assertEquals(expected[i], gradient[i], 1e-5, g + ": gradient " + i);
            }
        }
    }

    /**
     * Three samples unfolded side by side into one matrix ({@code rowStride = 3·pixels + 2}, two
     * values of gap after each row) give, for each sample, exactly the values the unstrided unfold
     * writes, and leave the gaps alone; the geometries cover both the "same"-width path and the
     * general one.
     */
    @Test
    void unfoldAtARowStridePlacesTheUnstridedRowsAndWritesNothingElse() {
        Random random = new Random(10);
        int samples = 3;
        for (ConvGeometry g : GEOMETRIES) {
            int pixels = g.pixels();
            int stride = samples * pixels + 2;
            float[][] inputs = new float[samples][];
            float[][] alone = new float[samples][g.columnsSize()];
            float[] shared = new float[1 + (g.patch() - 1) * stride + samples * pixels];
            Arrays.fill(shared, Float.NaN);
            for (int s = 0; s < samples; s++) {
                inputs[s] = Reference.random(random, 2 + g.inputSize());
                Im2col.unfold(g, inputs[s], 2, alone[s], 0);
                Im2col.unfold(g, inputs[s], 2, shared, 1 + s * pixels, stride);
            }
            for (int index = 0; index < shared.length; index++) {
                int r = (index - 1) / stride;
                int column = (index - 1) % stride;
                if (index < 1 || column >= samples * pixels) {
                    assertTrue(Float.isNaN(shared[index]), g + ": wrote outside the rows at " + index);
                } else {
                    assertEquals(alone[column / pixels][r * pixels + column % pixels], shared[index],
                            g + ": sample " + column / pixels + ", row " + r + ", column " + column % pixels);
                }
            }
        }
    }

    /**
     * Folding each sample's block of a shared matrix ({@code rowStride = 3·pixels + 2}) adds exactly
     * what folding a contiguous copy of that block adds, and neither reads nor writes the gaps
     * between rows (they hold NaN, which would spread into the gradient if read).
     */
    @Test
    void foldAddAtARowStrideMatchesTheUnstridedFold() {
        Random random = new Random(11);
        int samples = 3;
        for (ConvGeometry g : GEOMETRIES) {
            int pixels = g.pixels();
            int stride = samples * pixels + 2;
            float[] shared = new float[3 + (g.patch() - 1) * stride + samples * pixels];
            Arrays.fill(shared, Float.NaN);
            for (int r = 0; r < g.patch(); r++) {
                for (int column = 0; column < samples * pixels; column++) {
                    shared[3 + r * stride + column] = random.nextFloat() * 2 - 1;
                }
            }
            for (int s = 0; s < samples; s++) {
                float[] block = new float[g.columnsSize()];
                for (int r = 0; r < g.patch(); r++) {
                    System.arraycopy(shared, 3 + r * stride + s * pixels, block, r * pixels, pixels);
                }
                float[] start = Reference.random(random, 1 + g.inputSize());
                float[] expected = start.clone();
                Im2col.foldAdd(g, block, 0, expected, 1);
                float[] actual = start.clone();
                Im2col.foldAdd(g, shared, 3 + s * pixels, stride, actual, 1);
                assertArrayEquals(expected, actual, g + ": sample " + s);
            }
            for (int index = 0; index < shared.length; index++) {
                boolean gap = index < 3 || (index - 3) % stride >= samples * pixels;
                assertEquals(gap, Float.isNaN(shared[index]), g + ": index " + index);
            }
        }
    }

    @Test
    void aRowStrideShorterThanARowOrPastTheArrayIsNamed() {
        ConvGeometry g = new ConvGeometry(2, 3, 3, 3, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.unfold(g, new float[18], 0, new float[1000], 0, 8));
        assertEquals("unfold: rowStride 8 is less than the 9 values of a row of the unfolded matrix (3×3 output"
                + " pixels)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.foldAdd(g, new float[17 * 20 + 9], 1, 20, new float[18], 0));
        assertEquals("foldAdd: columns [18×9, rows 20 apart] needs 349 values from offset 1 but its array has 349",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.foldAdd(g, new float[17 * 20 + 9], 0, 20, new float[18], 1));
        assertEquals("foldAdd: inputGradient [2×3×3] needs 18 values from offset 1 but its array has 18",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.unfold(g, new float[18], 0, new float[g.columnsSize()], 0, 9 - 10));
        assertTrue(e.getMessage().startsWith("unfold: rowStride -1 is less than"), e.getMessage());
        Im2col.unfold(g, new float[18], 0, new float[17 * 20 + 9], 0, 20);
    }

    @Test
    void aConvolutionAndItsGradientsAsMatrixMultipliesMatchTheNaiveLoops() {
        Random random = new Random(9);
        int filters = 5;
        for (ConvGeometry g : GEOMETRIES) {
            int patch = g.patch();
            int pixels = g.pixels();
            float[] input = Reference.random(random, g.inputSize());
            float[] weights = Reference.random(random, filters * patch);
            float[] outputGradient = Reference.random(random, filters * pixels);
            float[] columns = new float[g.columnsSize()];
            Im2col.unfold(g, input, 0, columns, 0);

            float[] output = new float[filters * pixels];
            Sgemm.multiplyAdd(filters, patch, pixels, weights, 0, columns, 0, output, 0);
            float[] weightGradient = new float[filters * patch];
            Sgemm.multiplyAddTransposedB(filters, pixels, patch, outputGradient, 0, columns, 0, weightGradient, 0);
            float[] columnGradient = new float[g.columnsSize()];
            Sgemm.multiplyAddTransposedA(patch, filters, pixels, weights, 0, outputGradient, 0, columnGradient, 0);
            float[] inputGradient = new float[g.inputSize()];
            Im2col.foldAdd(g, columnGradient, 0, inputGradient, 0);

            double[] expectedOutput = new double[output.length];
            double[] expectedWeightGradient = new double[weightGradient.length];
            double[] expectedInputGradient = new double[inputGradient.length];
            for (int f = 0; f < filters; f++) {
                for (int row = 0; row < patch; row++) {
                    for (int pixel = 0; pixel < pixels; pixel++) {
                        int at = inputIndex(g, row, pixel);
                        if (at < 0) {
                            continue;
                        }
                        double w = weights[f * patch + row];
                        double dy = outputGradient[f * pixels + pixel];
                        expectedOutput[f * pixels + pixel] += w * input[at];
                        expectedWeightGradient[f * patch + row] += dy * input[at];
                        expectedInputGradient[at] += w * dy;
                    }
                }
            }
            assertClose(g + " output", expectedOutput, output);
            assertClose(g + " weight gradient", expectedWeightGradient, weightGradient);
            assertClose(g + " input gradient", expectedInputGradient, inputGradient);
        }
    }

    @Test
    void geometryComputesTheOutputSizeAndRejectsWindowsThatDoNotFit() {
        ConvGeometry fashionConv2 = new ConvGeometry(32, 14, 14, 3, 1, 1);
        assertEquals(288, fashionConv2.patch());
        assertEquals(196, fashionConv2.pixels());
        ConvGeometry floored = new ConvGeometry(3, 8, 9, 2, 3, 0);
        assertEquals(3, floored.outputHeight());
        assertEquals(3, floored.outputWidth());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConvGeometry(1, 4, 4, 7, 1, 1));
        assertTrue(e.getMessage().endsWith("a 7x7 window does not fit a padded input of 6x6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(1, 4, 4, 3, 0, 0));
    }

    @Test
    void anInputPastItsArrayIsNamed() {
        ConvGeometry g = new ConvGeometry(2, 3, 3, 3, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.unfold(g, new float[18], 1, new float[g.columnsSize()], 0));
        assertEquals("unfold: input [2×3×3] needs 18 values from offset 1 but its array has 18", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.foldAdd(g, new float[g.columnsSize() - 1], 0, new float[18], 0));
        assertEquals("foldAdd: columns [18×9] needs 162 values from offset 0 but its array has 161", e.getMessage());
    }

    /** Where value {@code (row, pixel)} of the unfolded matrix is read in the input, or -1 in the padding. */
    private static int inputIndex(ConvGeometry g, int row, int pixel) {
        int k = g.kernel();
        int c = row / (k * k);
        int u = row / k % k;
        int v = row % k;
        int y = pixel / g.outputWidth() * g.stride() + u - g.pad();
        int x = pixel % g.outputWidth() * g.stride() + v - g.pad();
        if (y < 0 || y >= g.height() || x < 0 || x >= g.width()) {
            return -1;
        }
        return (c * g.height() + y) * g.width() + x;
    }

    private static float unfolded(ConvGeometry g, float[] input, int offset, int row, int pixel) {
        int at = inputIndex(g, row, pixel);
        return at < 0 ? 0f : input[offset + at];
    }

    private static void assertClose(String what, double[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4, what + " at " + i);
        }
    }
}
