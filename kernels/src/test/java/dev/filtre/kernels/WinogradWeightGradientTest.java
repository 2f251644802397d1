package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The weight gradient by Winograd against its definition summed in double precision, {@code
 * dL/dw[f][c][u][v] = Σ dL/dy[f][y][x] · x[c][y + u - P][x + v - P]} over the samples and the
 * output's positions (zeros in the padding): every value within {@link #TOLERANCE} of the
 * magnitude of the products it sums, added to what was there, for paddings 0 to 2, odd sides (tiles
 * reaching past the output), channels and filters that fill the vector kernel's blocks or not;
 * calls one after another; bad arguments named, nothing written. Surefire runs this class once with
 * the Vector API and once without it.
 */
class WinogradWeightGradientTest {
    /**
     * Of the magnitude {@link Gradient#exact} gives (the products Winograd sums, not the few terms of
     * a small output's gradient): 4.3e-8 is the largest seen on these cases (a 1x1 output), 1.1e-8
     * on FashionNet's conv2, printed by {@link #theErrorIsThatOfAFloatSum}.
     */
    private static final double TOLERANCE = 2e-7;

    @Test
    void everyShapeIsTheGradientsDefinitionUpToRounding() {
        Random random = new Random(41);
        Object[][] cases = {
            {new ConvGeometry(32, 14, 14, 3, 1, 1), 64, 3}, // FashionNet's conv2: whole blocks of 8 channels
            {new ConvGeometry(3, 9, 11, 3, 1, 1), 40, 2}, // odd sides; channels and filters past the blocks
            {new ConvGeometry(20, 7, 6, 3, 1, 0), 17, 2}, // no padding; one filter past a vector
            {new ConvGeometry(16, 5, 5, 3, 1, 2), 5, 1}, // pad 2: the output wider than the input
            {new ConvGeometry(9, 3, 3, 3, 1, 0), 33, 2}, // a 1x1 output: one tile, three quarters outside
        };
        for (Object[] c : cases) {
            Gradient gradient = new Gradient((ConvGeometry) c[0], (int) c[1], (int) c[2], random);
            WinogradWeightGradient winograd = new WinogradWeightGradient(gradient.g, gradient.filters);
            gradient.check(gradient.winograd(winograd), c[0] + ", " + c[1] + " filters");
        }
    }

    @Test
    void callsAddUp() {
        Random random = new Random(42);
        ConvGeometry g = new ConvGeometry(8, 6, 6, 3, 1, 1);
        Gradient first = new Gradient(g, 32, 2, random);
        Gradient second = new Gradient(g, 32, 3, random);
        WinogradWeightGradient winograd = new WinogradWeightGradient(g, 32);
        float[] sum = first.winograd(winograd);
        float[] alone = second.winograd(winograd);
        float[] both = sum.clone();
        winograd.addWeightGradient(second.input, second.inputOffset, second.samples, second.outputGradient,
                second.outputGradientOffset, both, 0);
        for (int i = 0; i < both.length; i++) {
            // the second call's own gradient, without what its weight gradient held before it
            float added = alone[i] - second.before[i];
            assertEquals(sum[i] + added, both[i], 1e-5f * (Math.abs(sum[i]) + Math.abs(added)), "value " + i);
        }
    }

    @Test
    void theErrorIsThatOfAFloatSum() {
        ConvGeometry g = new ConvGeometry(32, 14, 14, 3, 1, 1);
        Gradient gradient = new Gradient(g, 64, 32, new Random(43));
        double error = gradient.largestRelativeError(gradient.winograd(new WinogradWeightGradient(g, 64)));
        System.out.printf("FashionNet's conv2 weight gradient over 32 samples, largest error / magnitude: "
                + "Winograd %.2e%n", error);
        assertTrue(error < TOLERANCE, "Winograd " + error);
        assertTrue(error > 0, "the sums are regrouped, so some value rounds otherwise");
    }

    @Test
    void aBadArgumentIsNamedAndNothingWritten() {
        IllegalArgumentException fiveByFive = assertThrows(IllegalArgumentException.class,
                () -> new WinogradWeightGradient(new ConvGeometry(2, 8, 8, 5, 1, 2), 4));
        assertTrue(fiveByFive.getMessage().contains("not a 3x3 window moving by 1"), fiveByFive.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new WinogradWeightGradient(new ConvGeometry(2, 8, 8, 3, 2, 1), 4));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new WinogradWeightGradient(new ConvGeometry(2, 4, 4, 3, 1, 1), 0));
        assertTrue(none.getMessage().contains("0 filters"), none.getMessage());
        WinogradWeightGradient winograd = new WinogradWeightGradient(new ConvGeometry(2, 4, 4, 3, 1, 1), 3);
        float[] input = new float[2 * 32];
        float[] outputGradient = new float[2 * 48];
        float[] weightGradient = new float[54];
        Arrays.fill(weightGradient, 9f);
        float[] untouched = weightGradient.clone();
        IllegalArgumentException shortInput = assertThrows(IllegalArgumentException.class,
                () -> winograd.addWeightGradient(input, 1, 2, outputGradient, 0, weightGradient, 0));
        assertEquals("WinogradWeightGradient.addWeightGradient: input [samples·C·H·W] needs 64 values from offset 1 "
                + "but its array has 64", shortInput.getMessage());
        IllegalArgumentException shortGradient = assertThrows(IllegalArgumentException.class,
                () -> winograd.addWeightGradient(input, 0, 2, outputGradient, 0, weightGradient, 1));
        assertEquals("WinogradWeightGradient.addWeightGradient: weight gradient [filters·C·3·3] needs 54 values "
                + "from offset 1 but its array has 54", shortGradient.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> winograd.addWeightGradient(input, 0, 2, outputGradient, 1, weightGradient, 0));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> winograd.addWeightGradient(input, 0, -1, outputGradient, 0, weightGradient, 0));
        assertTrue(negative.getMessage().contains("-1 samples"), negative.getMessage());
        winograd.addWeightGradient(input, 0, 0, outputGradient, 0, weightGradient, 0);
        assertArrayEquals(untouched, weightGradient, "nothing written on a bad call or for no samples");
    }

    /** Gaussian inputs and output gradients at offsets, and the weight gradient's definition. */
    private static final class Gradient {
        final ConvGeometry g;
        final int filters;
        final int samples;
        final float[] input;
        final int inputOffset = 2;
        final float[] outputGradient;
        final int outputGradientOffset = 3;
        /** What the weight gradient holds before the call. */
        final float[] before;

        Gradient(ConvGeometry g, int filters, int samples, Random random) {
            this.g = g;
            this.filters = filters;
            this.samples = samples;
            input = ConvolutionCase.values(random::nextGaussian, inputOffset + samples * g.inputSize() + 1);
            outputGradient = ConvolutionCase.values(random::nextGaussian,
                    outputGradientOffset + samples * filters * g.pixels() + 2);
            before = ConvolutionCase.values(random::nextGaussian, filters * g.patch());
        }

        /** {@link #before} plus the samples' weight gradient by {@code winograd}, written from offset 4. */
        float[] winograd(WinogradWeightGradient winograd) {
            float[] weightGradient = new float[4 + before.length + 3];
            Arrays.fill(weightGradient, -7f);
            System.arraycopy(before, 0, weightGradient, 4, before.length);
            winograd.addWeightGradient(input, inputOffset, samples, outputGradient, outputGradientOffset,
                    weightGradient, 4);
            for (int i : new int[] {0, 3, weightGradient.length - 1}) {
                assertEquals(-7f, weightGradient[i], "value " + i + ", outside the weights");
            }
            return Arrays.copyOfRange(weightGradient, 4, 4 + before.length);
        }

        /**
         * {value, magnitude} of weight {@code i}'s gradient: the value with {@link #before} added,
         * and as the magnitude {@code |before|} plus, over the samples and the output's 2x2 tiles,
         * the sum of the absolute values of the tile's output gradient times that of its 4x4 input
         * window: each transformed value is a signed sum of at most four of them, so the products
         * Winograd sums are of that size, whatever the few terms of a small output add up to.
         */
        double[] exact(int i) {
            int f = i / g.patch();
            int c = i % g.patch() / 9;
            int u = i % 9 / 3;
            int v = i % 3;
            double sum = before[i];
            double magnitude = Math.abs(before[i]);
            for (int s = 0; s < samples; s++) {
                for (int y = 0; y < g.outputHeight(); y++) {
                    for (int x = 0; x < g.outputWidth(); x++) {
                        double term = gradientAt(s, f, y, x) * inputAt(s, c, y + u - g.pad(), x + v - g.pad());
                        sum += term;
                    }
                }
                for (int y = 0; y < g.outputHeight(); y += 2) {
                    for (int x = 0; x < g.outputWidth(); x += 2) {
                        double tileGradient = 0;
                        double window = 0;
                        for (int a = 0; a < 4; a++) {
                            for (int b = 0; b < 4; b++) {
                                if (a < 2 && b < 2) {
                                    tileGradient += Math.abs(gradientAt(s, f, y + a, x + b));
                                }
                                window += Math.abs(inputAt(s, c, y + a - g.pad(), x + b - g.pad()));
                            }
                        }
                        magnitude += tileGradient * window;
                    }
                }
            }
            return new double[] {sum, magnitude};
        }

        /** Sample {@code s}'s output gradient of filter {@code f} at {@code (y, x)}, 0 past the output. */
        private double gradientAt(int s, int f, int y, int x) {
            if (y >= g.outputHeight() || x >= g.outputWidth()) {
                return 0;
            }
            return outputGradient[outputGradientOffset + ((s * filters + f) * g.outputHeight() + y) * g.outputWidth()
                    + x];
        }

        /** Sample {@code s}'s input of channel {@code c} at {@code (y, x)}, 0 in the padding. */
        private double inputAt(int s, int c, int y, int x) {
            if (y < 0 || y >= g.height() || x < 0 || x >= g.width()) {
                return 0;
            }
            return input[inputOffset + ((s * g.channels() + c) * g.height() + y) * g.width() + x];
        }

        void check(float[] weightGradient, String where) {
            for (int i = 0; i < weightGradient.length; i++) {
                double[] exact = exact(i);
                assertTrue(Math.abs(weightGradient[i] - exact[0]) <= TOLERANCE * exact[1],
                        where + ", weight " + i + ": " + weightGradient[i] + " against " + exact[0]);
            }
        }

        double largestRelativeError(float[] weightGradient) {
            double largest = 0;
            for (int i = 0; i < weightGradient.length; i++) {
                double[] exact = exact(i);
                largest = Math.max(largest, Math.abs(weightGradient[i] - exact[0]) / exact[1]);
            }
            return largest;
        }
    }
}
