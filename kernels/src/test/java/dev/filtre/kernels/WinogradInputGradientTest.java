package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The input gradient by Winograd against its definition summed in double precision, {@code
 * dL/dx[c][y][x] = Σ dL/dy[f][y - u + P][x - v + P] · w[f][c][u][v]} over the windows that see
 * {@code (y, x)}: every value within {@link #TOLERANCE} of the sum of the absolute values of its
 * terms, for several samples at offsets, paddings 0 to 2, odd sides, channels and filters that fill
 * vectors or not; weights changed between calls; bad arguments named, nothing written. Surefire runs
 * this class once with the Vector API and once without it.
 */
class WinogradInputGradientTest {
    /** As for {@link WinogradConvolutionTest}: about 17 float roundings of the terms' magnitude. */
    private static final double TOLERANCE = 1e-6;

    @Test
    void everyShapeIsTheGradientsDefinitionUpToRounding() {
        Random random = new Random(31);
        Object[][] cases = {
            {new ConvGeometry(32, 14, 14, 3, 1, 1), 64, 3}, // FashionNet's conv2
            {new ConvGeometry(3, 9, 11, 3, 1, 1), 40, 2}, // odd sides; 3 channels: filters of the turned convolution
            {new ConvGeometry(20, 7, 6, 3, 1, 0), 17, 2}, // no padding: the turned convolution pads by 2
            {new ConvGeometry(16, 5, 5, 3, 1, 2), 5, 1}, // pad 2: the output wider than the input
            {new ConvGeometry(33, 4, 3, 3, 1, 1), 1, 2}, // one filter; a channel past two vectors
        };
        for (Object[] c : cases) {
            Gradient gradient = new Gradient((ConvGeometry) c[0], (int) c[1], (int) c[2], random);
            WinogradInputGradient winograd = new WinogradInputGradient(gradient.g, gradient.filters);
            gradient.check(gradient.winograd(winograd), c[0] + ", " + c[1] + " filters");
        }
    }

    @Test
    void changedWeightsAreTurnedAgain() {
        Random random = new Random(32);
        ConvGeometry g = new ConvGeometry(32, 6, 6, 3, 1, 1);
        Gradient gradient = new Gradient(g, 32, 2, random);
        WinogradInputGradient winograd = new WinogradInputGradient(g, 32);
        gradient.check(gradient.winograd(winograd), "first weights");
        for (int filter : new int[] {0, 31, 17}) {
            gradient.weights[gradient.weightOffset + filter * g.patch() + 4] += 3f;
            gradient.check(gradient.winograd(winograd), "after filter " + filter + "'s weight changed");
        }
        gradient.check(gradient.winograd(winograd), "the same weights again");
    }

    @Test
    void theErrorIsThatOfAFloatSum() {
        ConvGeometry g = new ConvGeometry(32, 14, 14, 3, 1, 1);
        Gradient gradient = new Gradient(g, 64, 1, new Random(33));
        double error = gradient.largestRelativeError(gradient.winograd(new WinogradInputGradient(g, 64)));
        System.out.printf("FashionNet's conv2 input gradient, largest error / sum of |terms|: Winograd %.2e%n", error);
        assertTrue(error < TOLERANCE, "Winograd " + error);
        assertTrue(error > 0, "the sums are regrouped, so some value rounds otherwise");
    }

    @Test
    void noSamplesWriteNothing() {
        ConvGeometry g = new ConvGeometry(2, 4, 4, 3, 1, 1);
        float[] untouched = {5f, 6f};
        float[] inputGradient = untouched.clone();
        new WinogradInputGradient(g, 3).inputGradient(new float[0], 0, 0, new float[54], 0, inputGradient, 2);
        assertArrayEquals(untouched, inputGradient);
    }

    @Test
    void aBadArgumentIsNamed() {
        IllegalArgumentException padThree = assertThrows(IllegalArgumentException.class,
                () -> new WinogradInputGradient(new ConvGeometry(2, 8, 8, 3, 1, 3), 4));
        assertTrue(padThree.getMessage().contains("at most 2 zeros of padding"), padThree.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new WinogradInputGradient(new ConvGeometry(2, 8, 8, 5, 1, 2), 4));
        assertThrows(IllegalArgumentException.class,
                () -> new WinogradInputGradient(new ConvGeometry(2, 8, 8, 3, 2, 1), 4));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new WinogradInputGradient(new ConvGeometry(2, 4, 4, 3, 1, 1), 0));
        assertTrue(none.getMessage().contains("0 filters"), none.getMessage());
        WinogradInputGradient winograd = new WinogradInputGradient(new ConvGeometry(2, 4, 4, 3, 1, 1), 3);
        float[] outputGradient = new float[2 * 48];
        float[] weights = new float[54];
        float[] inputGradient = new float[2 * 32];
        Arrays.fill(inputGradient, 9f);
        float[] untouched = inputGradient.clone();
        IllegalArgumentException shortGradient = assertThrows(IllegalArgumentException.class,
                () -> winograd.inputGradient(outputGradient, 1, 2, weights, 0, inputGradient, 0));
        assertEquals("WinogradInputGradient.inputGradient: output gradient [samples·filters·H'·W'] needs 96 values "
                + "from offset 1 but its array has 96", shortGradient.getMessage());
        IllegalArgumentException shortWeights = assertThrows(IllegalArgumentException.class,
                () -> winograd.inputGradient(outputGradient, 0, 2, weights, 1, inputGradient, 0));
        assertEquals("WinogradInputGradient.inputGradient: weights [filters·C·3·3] needs 54 values from offset 1 "
                + "but its array has 54", shortWeights.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> winograd.inputGradient(outputGradient, 0, 3, weights, 0, inputGradient, 0));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> winograd.inputGradient(outputGradient, 0, -1, weights, 0, inputGradient, 0));
        assertTrue(negative.getMessage().contains("-1 samples"), negative.getMessage());
        assertArrayEquals(untouched, inputGradient, "nothing written on a bad call");
    }

    /** Gaussian output gradients and weights at offsets, and the input gradient's definition. */
    private static final class Gradient {
        final ConvGeometry g;
        final int filters;
        final int samples;
        final float[] outputGradient;
        final int outputGradientOffset = 3;
        final float[] weights;
        final int weightOffset = 5;

        Gradient(ConvGeometry g, int filters, int samples, Random random) {
            this.g = g;
            this.filters = filters;
            this.samples = samples;
            outputGradient = ConvolutionCase.values(random::nextGaussian,
                    outputGradientOffset + samples * filters * g.pixels() + 2);
            weights = ConvolutionCase.values(random::nextGaussian, weightOffset + filters * g.patch() + 1);
        }

        /** The samples' input gradients by {@code winograd}, written from offset 4 of an array of -7s. */
        float[] winograd(WinogradInputGradient winograd) {
            float[] inputGradient = new float[4 + samples * g.inputSize() + 3];
            Arrays.fill(inputGradient, -7f);
            winograd.inputGradient(outputGradient, outputGradientOffset, samples, weights, weightOffset,
                    inputGradient, 4);
            for (int i : new int[] {0, 3, inputGradient.length - 1}) {
                assertEquals(-7f, inputGradient[i], "value " + i + ", outside the samples");
            }
            return Arrays.copyOfRange(inputGradient, 4, 4 + samples * g.inputSize());
        }

        /** {value, sum of |terms|} of value {@code i} of the samples' input gradients. */
        double[] exact(int i) {
            int sample = i / g.inputSize();
            int c = i % g.inputSize() / (g.height() * g.width());
            int y = i % (g.height() * g.width()) / g.width();
            int x = i % g.width();
            double sum = 0;
            double magnitude = 0;
            for (int f = 0; f < filters; f++) {
                for (int u = 0; u < 3; u++) {
                    for (int v = 0; v < 3; v++) {
                        int i2 = y - u + g.pad();
                        int j2 = x - v + g.pad();
                        if (i2 < 0 || i2 >= g.outputHeight() || j2 < 0 || j2 >= g.outputWidth()) {
                            continue;
                        }
                        double term = (double) outputGradient[outputGradientOffset
                                + ((sample * filters + f) * g.outputHeight() + i2) * g.outputWidth() + j2]
                                * weights[weightOffset + ((f * g.channels() + c) * 3 + u) * 3 + v];
                        sum += term;
                        magnitude += Math.abs(term);
                    }
                }
            }
            return new double[] {sum, magnitude};
        }

        void check(float[] inputGradient, String where) {
            for (int i = 0; i < inputGradient.length; i++) {
                double[] exact = exact(i);
                assertTrue(Math.abs(inputGradient[i] - exact[0]) <= TOLERANCE * exact[1],
                        where + ", value " + i + ": " + inputGradient[i] + " against " + exact[0]);
            }
        }

        double largestRelativeError(float[] inputGradient) {
            double largest = 0;
            for (int i = 0; i < inputGradient.length; i++) {
                double[] exact = exact(i);
                if (exact[1] > 0) {
                    largest = Math.max(largest, Math.abs(inputGradient[i] - exact[0]) / exact[1]);
                }
            }
            return largest;
        }
    }
}
