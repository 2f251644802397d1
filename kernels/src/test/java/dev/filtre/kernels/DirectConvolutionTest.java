package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct convolution against the unfolded one ({@link Im2col#unfold}, then {@link
 * Sgemm#multiplyAdd} onto the bias), bit for bit, on shares of filters that fill two vectors, one,
 * or none, rows of positions that seven-wide blocks do and do not tile, strides and paddings; and
 * weights changed between calls, which must be transposed again; 5x5 windows moving by 1 over rows
 * of ten or more, which the vector kernels take ten positions at a time. Surefire runs this class once
 * with the Vector API and once without it.
 */
class DirectConvolutionTest {
    private static final ConvGeometry FASHION_CONV2 = new ConvGeometry(32, 14, 14, 3, 1, 1);

    @Test
    void givesTheUnfoldedMultiplysBitsOnEveryShare() {
        Random random = new Random(11);
        int[][] shares = {{0, 64}, {0, 32}, {32, 64}, {0, 21}, {21, 42}, {42, 64}, {16, 17}, {5, 5}};
        ConvolutionCase conv2 = sample(FASHION_CONV2, 64, random);
        DirectConvolution direct = new DirectConvolution(FASHION_CONV2, 64);
        for (int[] share : shares) {
            float[] output = conv2.direct(direct, share[0], share[1]);
            String where = "filters " + share[0] + ".." + share[1];
            float[] expected = conv2.unfolded();
            for (int o = 0; o < 64; o++) {
                boolean inside = o >= share[0] && o < share[1];
                for (int i = o * 196; i < (o + 1) * 196; i++) {
                    assertEquals(inside ? expected[i] : -7f, output[i], where + ", value " + i);
                }
            }
        }
    }

    /**
     * Shares of a 5x5 window's filters, which the vector kernels' blocks of ten compute in the whole
     * vectors around them: halves of LeNet-5's conv2, a share inside one vector, one across two.
     */
    @Test
    void sharesOfFiveByFiveFiltersGiveTheUnfoldedMultiplysBits() {
        Random random = new Random(17);
        Object[][] cases = {
            {new ConvGeometry(6, 14, 14, 5, 1, 0), 16, new int[][] {{0, 8}, {8, 16}, {3, 13}, {0, 16}, {7, 7}}},
            {new ConvGeometry(2, 12, 13, 5, 1, 1), 32, new int[][] {{0, 16}, {16, 32}, {8, 24}, {20, 31}}},
        };
        for (Object[] c : cases) {
            ConvGeometry g = (ConvGeometry) c[0];
            int filters = (int) c[1];
            ConvolutionCase sample = sample(g, filters, random);
            DirectConvolution direct = new DirectConvolution(g, filters);
            float[] expected = sample.unfolded();
            for (int[] share : (int[][]) c[2]) {
                float[] output = sample.direct(direct, share[0], share[1]);
                for (int o = 0; o < filters; o++) {
                    boolean inside = o >= share[0] && o < share[1];
                    for (int i = o * g.pixels(); i < (o + 1) * g.pixels(); i++) {
                        assertEquals(inside ? expected[i] : -7f, output[i],
                                g + ", filters " + share[0] + ".." + share[1] + ", value " + i);
                    }
                }
            }
        }
    }

    @Test
    void givesTheUnfoldedMultiplysBitsOnEveryShape() {
        Random random = new Random(12);
        Object[][] cases = {
            {new ConvGeometry(2, 9, 10, 3, 1, 1), 48}, // rows of a 3x3 block and three single positions
            {new ConvGeometry(3, 9, 11, 5, 1, 2), 40}, // rows of a block and four single positions; 8 lone filters
            {new ConvGeometry(2, 8, 8, 3, 2, 1), 48}, // stride 2
            {new ConvGeometry(4, 6, 5, 3, 1, 0), 5}, // no whole vector of filters
            {new ConvGeometry(6, 14, 14, 5, 1, 0), 16}, // LeNet-5's conv2: a 5x5 block of ten positions a row
            {new ConvGeometry(2, 16, 17, 5, 1, 0), 32}, // rows of 13: a block, then one overlapping it; two vectors
            {new ConvGeometry(1, 12, 14, 5, 1, 2), 16}, // padded, rows of 14
            {new ConvGeometry(6, 14, 14, 5, 1, 0), 20}, // filters short of whole vectors: the blocks of five
            {new ConvGeometry(2, 9, 7, 4, 3, 3), 33}, // floored output, pad wider than the stride
            {new ConvGeometry(3, 5, 5, 3, 2, 1), 2}, // cs231n's example in the lecture
        };
        for (Object[] c : cases) {
            ConvGeometry g = (ConvGeometry) c[0];
            int filters = (int) c[1];
            ConvolutionCase sample = sample(g, filters, random);
            assertArrayEquals(sample.unfolded(), sample.direct(new DirectConvolution(g, filters), 0, filters),
                    g + ", " + filters + " filters");
        }
    }

    /**
     * Output rows a vector wide or more, which the vector kernels take along the rows, two vectors at
     * a time: filters in blocks of six, two and one, odd and even numbers of rows (the last pair of an
     * odd number overlapping) and a single row, rows the vectors
     * overlap on or tile, one channel or several, and shares of the filters.
     */
    @Test
    void rowsOfOneToTwoVectorsGiveTheUnfoldedMultiplysBits() {
        Random random = new Random(16);
        Object[][] cases = {
            {new ConvGeometry(1, 28, 28, 5, 1, 2), 6, 0, 6}, // LeNet-5's conv1
            {new ConvGeometry(1, 28, 28, 5, 1, 2), 6, 2, 5}, // a share of it
            {new ConvGeometry(1, 28, 28, 3, 1, 1), 32, 0, 32}, // FashionNet's conv1: five blocks of six and one of two
            {new ConvGeometry(1, 28, 28, 3, 1, 1), 32, 16, 32}, // its second half
            {new ConvGeometry(2, 16, 16, 3, 1, 1), 7, 0, 7}, // rows of one vector; six filters and one
            {new ConvGeometry(3, 34, 34, 3, 1, 0), 9, 0, 9}, // rows of two whole vectors; six, two and one
            {new ConvGeometry(2, 20, 22, 3, 1, 0), 10, 0, 10}, // rows of 20, on several channels
            {new ConvGeometry(2, 21, 19, 4, 1, 1), 3, 1, 3}, // an even window
            {new ConvGeometry(1, 9, 40, 3, 1, 1), 8, 0, 8}, // rows of 40: a whole pair, then one ending the row
            {new ConvGeometry(2, 6, 66, 3, 1, 0), 13, 0, 13}, // rows of 64: two whole pairs
            {new ConvGeometry(2, 1, 20, 1, 1, 0), 7, 0, 7}, // one row: blocks of two filters only
        };
        for (Object[] c : cases) {
            ConvGeometry g = (ConvGeometry) c[0];
            int filters = (int) c[1];
            int first = (int) c[2];
            int end = (int) c[3];
            ConvolutionCase sample = sample(g, filters, random);
            float[] output = sample.direct(new DirectConvolution(g, filters), first, end);
            float[] expected = sample.unfolded();
            for (int i = 0; i < output.length; i++) {
                int o = i / g.pixels();
                assertEquals(o >= first && o < end ? expected[i] : -7f, output[i],
                        g + ", filters " + first + ".." + end + ", value " + i);
            }
        }
    }

    @Test
    void changedWeightsAreTransposedAgain() {
        Random random = new Random(13);
        ConvolutionCase sample = sample(FASHION_CONV2, 64, random);
        DirectConvolution direct = new DirectConvolution(FASHION_CONV2, 64);
        assertArrayEquals(sample.unfolded(), sample.direct(direct, 0, 64));
        sample.weights[sample.weightOffset + 1000] += 0.5f;
        assertArrayEquals(sample.unfolded(), sample.direct(direct, 0, 64), "one weight changed");
        sample.weights[sample.weightOffset + 18431] = -sample.weights[sample.weightOffset + 18431];
        assertArrayEquals(sample.unfolded(), sample.direct(direct, 0, 64), "the last weight changed");
        for (int k = 0; k < 64 * 288; k += 288) {
            sample.weights[sample.weightOffset + k] = 0f;
        }
        float[] zero = sample.direct(direct, 0, 64);
        for (int k = 0; k < 64 * 288; k += 288) {
            sample.weights[sample.weightOffset + k] = -0f;
        }
        float[] negativeZero = sample.direct(direct, 0, 64);
        assertArrayEquals(sample.unfolded(), negativeZero, "zeros made negative");
        assertArrayEquals(zero, negativeZero);
    }

    @Test
    void aShareSeesTheWeightsChangedSinceAnotherShareWasTransposed() {
        Random random = new Random(15);
        ConvolutionCase sample = sample(FASHION_CONV2, 64, random);
        DirectConvolution direct = new DirectConvolution(FASHION_CONV2, 64);
        int patch = FASHION_CONV2.patch();
        // {share, filter whose weight changes before it}: inside the share transposed last, outside
        // it, and a whole range around a share whose weights did not change
        int[][] steps = {{0, 32, -1}, {32, 64, 40}, {0, 64, 5}, {0, 32, 40}, {0, 64, -1}, {16, 48, 20}};
        for (int[] step : steps) {
            if (step[2] >= 0) {
                sample.weights[sample.weightOffset + step[2] * patch + 7] += 0.25f;
            }
            float[] output = sample.direct(direct, step[0], step[1]);
            float[] expected = sample.unfolded();
            String where = "filters " + step[0] + ".." + step[1] + " after filter " + step[2] + " changed";
            for (int i = step[0] * 196; i < step[1] * 196; i++) {
                assertEquals(expected[i], output[i], where + ", value " + i);
            }
        }
    }

    @Test
    void theInputsPaddingStaysZeroAcrossInputs() {
        Random random = new Random(14);
        ConvGeometry g = new ConvGeometry(2, 5, 6, 3, 1, 1);
        DirectConvolution direct = new DirectConvolution(g, 16);
        for (int round = 0; round < 3; round++) {
            ConvolutionCase sample = sample(g, 16, random);
            assertArrayEquals(sample.unfolded(), sample.direct(direct, 0, 16), "input " + round);
        }
    }

    @Test
    void aBadArgumentIsNamed() {
        ConvGeometry g = new ConvGeometry(2, 4, 4, 3, 1, 1);
        DirectConvolution direct = new DirectConvolution(g, 3);
        float[] input = new float[32];
        float[] weights = new float[54];
        float[] bias = new float[3];
        float[] output = new float[48];
        IllegalArgumentException shortInput = assertThrows(IllegalArgumentException.class,
                () -> direct.forward(input, 1, weights, 0, bias, 0, 0, 3, output, 0));
        assertEquals("DirectConvolution.forward: input [C·H·W] needs 32 values from offset 1 but its array has 32",
                shortInput.getMessage());
        IllegalArgumentException shortWeights = assertThrows(IllegalArgumentException.class,
                () -> direct.forward(input, 0, weights, 2, bias, 0, 0, 3, output, 0));
        assertEquals("DirectConvolution.forward: weights [filters·C·K·K] needs 54 values from offset 2 but its "
                + "array has 54", shortWeights.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> direct.forward(input, 0, weights, 0, bias, 0, 2, 4, output, 0));
        assertEquals("DirectConvolution.forward: filters [2, 4) is not a range of the 3 filters", range.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new DirectConvolution(g, 0));
        assertTrue(none.getMessage().contains("0 filters"), none.getMessage());
    }

    /** Operands uniform in [-1, 1), the first two inputs 0 and -0. */
    private static ConvolutionCase sample(ConvGeometry g, int filters, Random random) {
        ConvolutionCase sample = new ConvolutionCase(g, filters, () -> random.nextFloat() * 2 - 1);
        sample.input[sample.inputOffset] = 0f;
        sample.input[sample.inputOffset + 1] = -0f;
        return sample;
    }
}
