package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Winograd's F(2x2, 3x3) against the convolution's sums in double precision: every output within
 * {@link #TOLERANCE} of the sum of the absolute values of its terms (the bias and each weight times
 * input), on shares of filters that fill two vectors, one or none, channels that fill vectors or
 * not, odd outputs (tiles reaching past them) and paddings; weights changed between calls, and
 * arguments that are not a 3x3 window moving by 1. The pooled convolution against the convolution
 * then {@code MaxPooling}: the same bits, NaN included. Surefire runs this class once with the Vector
 * API and once without it.
 */
class WinogradConvolutionTest {
    /**
     * About 17 float roundings of the terms' magnitude: the transforms' sums, the channels' sum and
     * the transform back. The largest error seen on these cases is printed by {@link
     * #theErrorIsThatOfAFloatSum}.
     */
    private static final double TOLERANCE = 1e-6;
    private static final ConvGeometry FASHION_CONV2 = new ConvGeometry(32, 14, 14, 3, 1, 1);

    @Test
    void everyShareIsTheConvolutionUpToRounding() {
        Random random = new Random(21);
        int[][] shares = {{0, 64}, {0, 32}, {32, 64}, {0, 21}, {21, 42}, {42, 64}, {16, 17}, {5, 5}};
        Case conv2 = new Case(FASHION_CONV2, 64, random);
        WinogradConvolution winograd = new WinogradConvolution(FASHION_CONV2, 64);
        for (int[] share : shares) {
            conv2.check(conv2.winograd(winograd, share[0], share[1]), share[0], share[1],
                    "filters " + share[0] + ".." + share[1]);
        }
    }

    @Test
    void everyShapeIsTheConvolutionUpToRounding() {
        Random random = new Random(22);
        Object[][] cases = {
            {new ConvGeometry(2, 9, 10, 3, 1, 1), 48}, // an odd output height: the last tiles half outside
            {new ConvGeometry(3, 9, 11, 3, 1, 1), 40}, // odd both ways; 8 filters past the pairs of vectors
            {new ConvGeometry(20, 7, 6, 3, 1, 0), 17}, // channels past a vector; one filter past one vector
            {new ConvGeometry(16, 3, 3, 3, 1, 0), 5}, // a 1x1 output: one tile, three quarters outside
            {new ConvGeometry(1, 5, 5, 3, 1, 2), 3}, // pad 2: output wider than the input
            {new ConvGeometry(6, 14, 14, 3, 1, 1), 33}, // seven tiles a row, a block's width
        };
        for (Object[] c : cases) {
            ConvGeometry g = (ConvGeometry) c[0];
            int filters = (int) c[1];
            Case sample = new Case(g, filters, random);
            sample.check(sample.winograd(new WinogradConvolution(g, filters), 0, filters), 0, filters,
                    g + ", " + filters + " filters");
        }
    }

    @Test
    void changedWeightsAreTransformedAgain() {
        Random random = new Random(23);
        Case sample = new Case(FASHION_CONV2, 64, random);
        WinogradConvolution winograd = new WinogradConvolution(FASHION_CONV2, 64);
        int patch = FASHION_CONV2.patch();
        // {share, filter whose weight changes before it}: inside the share transformed last, outside
        // it, and a whole range around a share whose weights did not change
        int[][] steps = {{0, 32, -1}, {32, 64, 40}, {0, 64, 5}, {0, 32, 40}, {0, 64, -1}, {16, 48, 20}};
        for (int[] step : steps) {
            if (step[2] >= 0) {
                sample.weights[sample.weightOffset + step[2] * patch + 7] += 4f;
            }
            sample.check(sample.winograd(winograd, step[0], step[1]), step[0], step[1],
                    "filters " + step[0] + ".." + step[1] + " after filter " + step[2] + " changed");
        }
    }

    @Test
    void theInputsPaddingStaysZeroAcrossInputs() {
        Random random = new Random(24);
        ConvGeometry g = new ConvGeometry(2, 5, 6, 3, 1, 1);
        WinogradConvolution winograd = new WinogradConvolution(g, 16);
        for (int round = 0; round < 3; round++) {
            Case sample = new Case(g, 16, random);
            sample.check(sample.winograd(winograd, 0, 16), 0, 16, "input " + round);
        }
    }

    @Test
    void theErrorIsThatOfAFloatSum() {
        Case conv2 = new Case(FASHION_CONV2, 64, new Random(25));
        float[] direct = conv2.direct(new DirectConvolution(FASHION_CONV2, 64), 0, 64);
        float[] winograd = conv2.winograd(new WinogradConvolution(FASHION_CONV2, 64), 0, 64);
        double directError = conv2.largestRelativeError(direct);
        double winogradError = conv2.largestRelativeError(winograd);
        System.out.printf("FashionNet's conv2, largest error / sum of |terms|: direct %.2e, Winograd %.2e%n",
                directError, winogradError);
        assertTrue(winogradError < TOLERANCE, "Winograd " + winogradError);
        assertTrue(winogradError > 0, "the sums are regrouped, so some output rounds otherwise");
    }

    @Test
    void aBadArgumentIsNamed() {
        IllegalArgumentException fiveByFive = assertThrows(IllegalArgumentException.class,
                () -> new WinogradConvolution(new ConvGeometry(2, 8, 8, 5, 1, 2), 4));
        assertTrue(fiveByFive.getMessage().contains("not a 3x3 window moving by 1"), fiveByFive.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new WinogradConvolution(new ConvGeometry(2, 8, 8, 3, 2, 1), 4));
        ConvGeometry g = new ConvGeometry(2, 4, 4, 3, 1, 1);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new WinogradConvolution(g, 0));
        assertTrue(none.getMessage().contains("0 filters"), none.getMessage());
        WinogradConvolution winograd = new WinogradConvolution(g, 3);
        float[] input = new float[32];
        float[] weights = new float[54];
        float[] bias = new float[3];
        float[] output = new float[48];
        IllegalArgumentException shortInput = assertThrows(IllegalArgumentException.class,
                () -> winograd.forward(input, 1, weights, 0, bias, 0, 0, 3, output, 0));
        assertEquals("WinogradConvolution.forward: input [C·H·W] needs 32 values from offset 1 but its array has 32",
                shortInput.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> winograd.forward(input, 0, weights, 0, bias, 0, 2, 4, output, 0));
        assertEquals("WinogradConvolution.forward: filters [2, 4) is not a range of the 3 filters",
                range.getMessage());
        float[] untouched = output.clone();
        assertThrows(IllegalArgumentException.class,
                () -> winograd.forward(input, 0, weights, 0, bias, 1, 0, 3, output, 0));
        assertArrayEquals(untouched, output, "nothing written on a bad call");
    }

    @Test
    void samplesOneAfterAnotherGetTheOneSampleBits() {
        Random random = new Random(27);
        ConvGeometry g = new ConvGeometry(32, 6, 5, 3, 1, 1);
        int filters = 64;
        int samples = 3;
        WinogradConvolution batch = new WinogradConvolution(g, filters);
        WinogradConvolution single = new WinogradConvolution(g, filters);
        float[] input = new float[2 + samples * g.inputSize()];
        float[] weights = new float[filters * g.patch()];
        float[] bias = new float[filters];
        for (float[] values : new float[][] {input, weights, bias}) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
        }
        int outputSize = filters * g.pixels();
        for (int round = 0; round < 2; round++) {
            float[] output = new float[1 + samples * outputSize + 1];
            batch.forwardSamples(input, 2, samples, weights, 0, bias, 0, output, 1);
            for (int s = 0; s < samples; s++) {
                float[] expected = new float[outputSize];
                single.forward(input, 2 + s * g.inputSize(), weights, 0, bias, 0, 0, filters, expected, 0);
                assertArrayEquals(expected, java.util.Arrays.copyOfRange(output, 1 + s * outputSize,
                        1 + (s + 1) * outputSize), "round " + round + ", sample " + s);
            }
            assertEquals(0f, output[0], "before the samples");
            assertEquals(0f, output[output.length - 1], "after the samples");
            weights[100] += 2f; // the second round's transforms are made again
        }
        float[] output = new float[samples * outputSize];
        IllegalArgumentException shortOutput = assertThrows(IllegalArgumentException.class,
                () -> batch.forwardSamples(input, 2, samples, weights, 0, bias, 0, output, 1));
        assertEquals("WinogradConvolution.forwardSamples: output [samples·filters·H'·W'] needs " + samples * outputSize
                + " values from offset 1 but its array has " + output.length, shortOutput.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> batch.forwardSamples(input, 3, samples, weights, 0, bias, 0, output, 0));
        assertThrows(IllegalArgumentException.class,
                () -> batch.forwardSamples(input, 0, -1, weights, 0, bias, 0, output, 0));
        assertArrayEquals(new float[output.length], output, "nothing written on a bad call");
    }

    @Test
    void aPooledShareIsTheConvolutionThenItsMaxPooling() {
        Random random = new Random(26);
        Case conv2 = new Case(FASHION_CONV2, 64, random);
        WinogradConvolution winograd = new WinogradConvolution(FASHION_CONV2, 64);
        for (int[] share : new int[][] {{0, 64}, {0, 32}, {32, 64}, {0, 21}, {21, 42}, {42, 64}, {16, 17}, {5, 5}}) {
            conv2.checkPooled(winograd, share[0], share[1], "filters " + share[0] + ".." + share[1]);
        }
        Object[][] cases = {
            {new ConvGeometry(2, 8, 10, 3, 1, 1), 48}, // 8 filters past the pairs of vectors
            {new ConvGeometry(20, 6, 6, 3, 1, 0), 17}, // channels past a vector, a 2x2 pooled plane
            {new ConvGeometry(3, 6, 8, 3, 1, 1), 40},
            {new ConvGeometry(16, 4, 4, 3, 1, 0), 5}, // one tile, one window
        };
        for (Object[] c : cases) {
            ConvGeometry g = (ConvGeometry) c[0];
            int filters = (int) c[1];
            new Case(g, filters, random).checkPooled(new WinogradConvolution(g, filters), 0, filters,
                    g + ", " + filters + " filters");
        }
    }

    @Test
    void aPooledWindowWithANanIsNan() {
        Case nan = new Case(FASHION_CONV2, 64, new Random(27));
        nan.input[nan.inputOffset + 3 * 196 + 5 * 14 + 9] = Float.NaN;
        nan.input[nan.inputOffset + 30 * 196 + 13 * 14 + 13] = Float.NEGATIVE_INFINITY;
        float[] pooled = nan.checkPooled(new WinogradConvolution(FASHION_CONV2, 64), 0, 64, "a NaN and an infinity");
        assertTrue(Float.isNaN(pooled[2 * 49 + 2 * 7 + 4]), "the windows over the NaN are NaN");
    }

    @Test
    void aPooledConvolutionNeedsEvenSidesAndNamesABadArgument() {
        float[] weights = new float[54];
        float[] bias = new float[3];
        WinogradConvolution odd = new WinogradConvolution(new ConvGeometry(2, 5, 4, 3, 1, 1), 3);
        IllegalArgumentException oddSide = assertThrows(IllegalArgumentException.class,
                () -> odd.forwardPooled(new float[40], 0, weights, 0, bias, 0, 0, 3, new float[12], 0));
        assertTrue(oddSide.getMessage().contains("the 5x4 output") && oddSide.getMessage().contains("odd side"),
                oddSide.getMessage());
        WinogradConvolution winograd = new WinogradConvolution(new ConvGeometry(2, 4, 4, 3, 1, 1), 3);
        float[] pooled = new float[12];
        IllegalArgumentException shortPooled = assertThrows(IllegalArgumentException.class,
                () -> winograd.forwardPooled(new float[32], 0, weights, 0, bias, 0, 0, 3, pooled, 1));
        assertEquals("WinogradConvolution.forwardPooled: pooled [filters·H'/2·W'/2] needs 12 values from offset 1 "
                + "but its array has 12", shortPooled.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> winograd.forwardPooled(new float[32], 0, weights, 0, bias, 0, 1, 4, pooled, 0));
        assertTrue(range.getMessage().contains("filters [1, 4)"), range.getMessage());
        assertArrayEquals(new float[12], pooled, "nothing written on a bad call");
    }

    /** One sample, its weights and bias at offsets within larger arrays. */
    /** Gaussian operands, and the Winograd convolution's output and checks. */
    private static final class Case extends ConvolutionCase {
        Case(ConvGeometry g, int filters, Random random) {
            super(g, filters, random::nextGaussian);
        }

        /** The planes of filters {@code [first, end)}, the others left at -7. */
        float[] winograd(WinogradConvolution winograd, int first, int end) {
            float[] output = new float[filters * g.pixels() + 6];
            java.util.Arrays.fill(output, -7f);
            winograd.forward(input, inputOffset, weights, weightOffset, bias, biasOffset, first, end, output, 6);
            return java.util.Arrays.copyOfRange(output, 6, output.length);
        }

        /**
         * {@code forwardPooled} of filters {@code [first, end)} against {@code forward} then {@code
         * MaxPooling.forward} on the same planes: the same bits, the other planes untouched.
         * Returns the pooled planes.
         */
        float[] checkPooled(WinogradConvolution winograd, int first, int end, String where) {
            int windows = g.pixels() / 4;
            float[] output = new float[filters * g.pixels()];
            winograd.forward(input, inputOffset, weights, weightOffset, bias, biasOffset, 0, filters, output, 0);
            float[] expected = new float[filters * windows];
            new MaxPooling(g.outputHeight(), g.outputWidth(), 2, 2).forward(output, 0, filters, expected, 0,
                    new int[filters * windows], 0);
            float[] pooled = new float[4 + filters * windows];
            java.util.Arrays.fill(pooled, -7f);
            winograd.forwardPooled(input, inputOffset, weights, weightOffset, bias, biasOffset, first, end, pooled, 4);
            for (int i = 0; i < filters * windows; i++) {
                boolean inside = i / windows >= first && i / windows < end;
                assertEquals(inside ? expected[i] : -7f, pooled[4 + i], where + ", pooled value " + i);
            }
            return java.util.Arrays.copyOfRange(pooled, 4, pooled.length);
        }

        /** Checks the planes of filters {@code [first, end)} and that the others are untouched. */
        void check(float[] output, int first, int end, String where) {
            for (int i = 0; i < output.length; i++) {
                int o = i / g.pixels();
                if (o >= first && o < end) {
                    double[] exact = exact(o, i % g.pixels());
                    assertTrue(Math.abs(output[i] - exact[0]) <= TOLERANCE * exact[1],
                            where + ", value " + i + ": " + output[i] + " against " + exact[0]);
                } else {
                    assertEquals(-7f, output[i], where + ", value " + i + " outside the share");
                }
            }
        }

        double largestRelativeError(float[] output) {
            double largest = 0;
            for (int i = 0; i < output.length; i++) {
                double[] exact = exact(i / g.pixels(), i % g.pixels());
                largest = Math.max(largest, Math.abs(output[i] - exact[0]) / exact[1]);
            }
            return largest;
        }

        /** Output {@code pixel} of filter {@code o} in double precision, and the sum of its terms' magnitudes. */
        double[] exact(int o, int pixel) {
            int y = pixel / g.outputWidth();
            int x = pixel % g.outputWidth();
            double sum = bias[biasOffset + o];
            double magnitude = Math.abs(sum);
            for (int c = 0; c < g.channels(); c++) {
                for (int u = 0; u < 3; u++) {
                    for (int v = 0; v < 3; v++) {
                        int row = y + u - g.pad();
                        int column = x + v - g.pad();
                        if (row < 0 || row >= g.height() || column < 0 || column >= g.width()) {
                            continue;
                        }
                        double term = (double) weights[weightOffset + ((o * g.channels() + c) * 3 + u) * 3 + v]
                                * input[inputOffset + (c * g.height() + row) * g.width() + column];
                        sum += term;
                        magnitude += Math.abs(term);
                    }
                }
            }
            return new double[] {sum, magnitude};
        }
    }
}
