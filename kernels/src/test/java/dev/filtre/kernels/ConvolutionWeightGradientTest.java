package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectConvolution#addWeightGradient} against the weight gradient in double precision:
 * every value within {@link #TOLERANCE} of the sum of its terms' magnitudes (the value it started
 * from and each output gradient times input), over several samples (more than the vector kernel's
 * group of eight, and fewer), rows of one vector, of one and a part, of two, filters and window
 * steps that the kernel's blocks of three by five do and do not tile; on the plain kernels, and
 * wherever the vector kernel does not take the geometry, the bits of unfolding and multiplying
 * sample by sample, as the unfolded pass does. A NaN in one filter's output gradient reaches that
 * filter's gradient only (the cleared lanes of a row's last vector stay clear). Surefire runs this
 * class once with the Vector API and once without it.
 */
class ConvolutionWeightGradientTest {
    /**
     * About eight float roundings of the terms' magnitude: the sums of up to a few thousand terms
     * seen here are within 4e-8 of it, unfolded or along rows.
     */
    private static final double TOLERANCE = 5e-7;
    private static final ConvGeometry LENET_CONV1 = new ConvGeometry(1, 28, 28, 5, 1, 2);
    private static final ConvGeometry FASHION_CONV1 = new ConvGeometry(1, 28, 28, 3, 1, 1);
    private static final ConvGeometry LENET_CONV2 = new ConvGeometry(6, 14, 14, 5, 1, 0);

    @Test
    void everyShapeIsTheGradientUpToRounding() {
        Random random = new Random(31);
        Object[][] cases = {
            {LENET_CONV1, 6, 9}, // LeNet-5's conv1: rows of 28 (a vector and a part), 25 steps
            {FASHION_CONV1, 32, 3}, // FashionNet's conv1: 9 steps, too few to sum along rows
            {new ConvGeometry(2, 28, 28, 3, 1, 1), 32, 3}, // 18 steps, 32 filters: blocks of three, one short
            {new ConvGeometry(2, 16, 18, 3, 1, 0), 4, 8}, // rows of exactly a vector; two channels, 18 steps
            {new ConvGeometry(1, 20, 32, 5, 1, 2), 2, 1}, // rows of exactly two vectors; fewer filters than a block
            {new ConvGeometry(3, 18, 20, 3, 1, 0), 7, 17}, // 27 steps, 7 filters; two groups and one sample
            {new ConvGeometry(1, 9, 10, 3, 1, 1), 5, 2}, // rows shorter than a vector: unfolded on both paths
            {new ConvGeometry(2, 12, 12, 3, 2, 1), 3, 2}, // stride 2: unfolded on both paths
            {LENET_CONV2, 16, 9}, // LeNet-5's conv2: 5x5 blocks of ten positions, 30 window rows, two groups
            {new ConvGeometry(1, 12, 14, 5, 1, 2), 32, 3}, // padded, rows of 14: a block and four single positions;
                                                         // five window rows, the last without a partner
            {new ConvGeometry(2, 15, 25, 5, 1, 0), 16, 1}, // rows of 21: two blocks and one position; one sample
            {LENET_CONV2, 20, 2}, // filters short of whole vectors: unfolded on both paths
        };
        for (Object[] c : cases) {
            ConvGeometry g = (ConvGeometry) c[0];
            int filters = (int) c[1];
            int samples = (int) c[2];
            Batch batch = new Batch(g, filters, samples, random);
            float[] gradient = batch.weightGradient(new DirectConvolution(g, filters));
            batch.check(gradient, g + ", " + filters + " filters, " + samples + " samples");
            if (!Kernels.SELECTED.sumsWeightGradientAlongRows(g, filters)) {
                assertArrayEquals(batch.unfolded(), gradient, g + ": the unfolded multiply's bits");
            }
        }
    }

    @Test
    void onlyTheVectorKernelsSumAlongRowsAndOnlyForTheWindowsTheyTake() {
        Batch batch = new Batch(LENET_CONV1, 6, 5, new Random(32));
        float[] gradient = batch.weightGradient(new DirectConvolution(LENET_CONV1, 6));
        boolean vector = Kernels.implementation().equals("vector");
        assertEquals(vector, Kernels.SELECTED.sumsWeightGradientAlongRows(LENET_CONV1, 6));
        assertFalse(Kernels.SELECTED.sumsWeightGradientAlongRows(FASHION_CONV1, 32), "9 values");
        assertEquals(vector, Kernels.SELECTED.sumsWeightGradientAlongRows(LENET_CONV2, 16), "5x5, rows of 10");
        assertFalse(Kernels.SELECTED.sumsWeightGradientAlongRows(LENET_CONV2, 20), "5x5, 20 filters");
        assertFalse(Kernels.SELECTED.sumsWeightGradientAlongRows(new ConvGeometry(6, 12, 12, 5, 1, 0), 16),
                "5x5, rows of 8");
        if (Kernels.implementation().equals("plain")) {
            assertArrayEquals(batch.unfolded(), gradient);
        }
    }

    @Test
    void callsAfterOneAnotherAddUp() {
        ConvGeometry g = new ConvGeometry(2, 28, 28, 3, 1, 1);
        Batch batch = new Batch(g, 32, 11, new Random(33));
        DirectConvolution direct = new DirectConvolution(g, 32);
        float[] once = batch.weightGradient(direct);
        float[] again = batch.weightGradient(direct);
        assertArrayEquals(once, again, "the same call twice, the same bits");
        float[] twice = batch.start.clone();
        direct.addWeightGradient(batch.input, batch.inputOffset, 11, batch.outputGradient, batch.outputGradientOffset,
                twice, 1);
        direct.addWeightGradient(batch.input, batch.inputOffset, 11, batch.outputGradient, batch.outputGradientOffset,
                twice, 1);
        for (int i = 0; i < 32 * 18; i++) {
            double added = 2.0 * (once[1 + i] - batch.start[1 + i]) + batch.start[1 + i];
            assertEquals(added, twice[1 + i], 1e-4 * (Math.abs(added) + 1), "value " + i);
        }
    }

    @Test
    void aNonFiniteOutputGradientStaysInItsFilter() {
        Batch batch = new Batch(LENET_CONV1, 6, 3, new Random(34));
        // a position the last vector of its row overlaps with the one before (x = 12 of 28)
        batch.outputGradient[batch.outputGradientOffset + (1 * 6 + 4) * 784 + 5 * 28 + 12] = Float.NaN;
        float[] gradient = batch.weightGradient(new DirectConvolution(LENET_CONV1, 6));
        for (int o = 0; o < 6; o++) {
            for (int k = 0; k < 25; k++) {
                float value = gradient[1 + o * 25 + k];
                if (o == 4) {
                    assertTrue(Float.isNaN(value), "filter 4, step " + k + ": " + value);
                } else {
                    assertFalse(Float.isNaN(value) || Float.isInfinite(value), "filter " + o + ", step " + k);
                }
            }
        }
    }

    @Test
    void noSamplesAddNothing() {
        Batch batch = new Batch(LENET_CONV1, 6, 1, new Random(35));
        float[] gradient = batch.start.clone();
        new DirectConvolution(LENET_CONV1, 6).addWeightGradient(batch.input, 0, 0, batch.outputGradient, 0, gradient,
                1);
        assertArrayEquals(batch.start, gradient);
    }

    @Test
    void aBadArgumentIsNamedAndNothingIsWritten() {
        Batch batch = new Batch(LENET_CONV1, 6, 2, new Random(36));
        DirectConvolution direct = new DirectConvolution(LENET_CONV1, 6);
        float[] gradient = batch.start.clone();
        IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
                () -> direct.addWeightGradient(batch.input, batch.inputOffset, 3, batch.outputGradient,
                        batch.outputGradientOffset, gradient, 1));
        assertEquals("DirectConvolution.addWeightGradient: input [samples × C·H·W] needs 2352 values from offset 3"
                + " but its array has 1576", input.getMessage());
        IllegalArgumentException outputGradient = assertThrows(IllegalArgumentException.class,
                () -> direct.addWeightGradient(batch.input, batch.inputOffset, 2, batch.outputGradient,
                        batch.outputGradientOffset + 10, gradient, 1));
        assertTrue(outputGradient.getMessage().contains("output gradient [samples × filters·H'·W'] needs 9408 values"
                + " from offset 12"), outputGradient.getMessage());
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> direct.addWeightGradient(batch.input, batch.inputOffset, 2, batch.outputGradient,
                        batch.outputGradientOffset, gradient, 3));
        assertTrue(weights.getMessage().contains("weight gradient [filters × C·K·K] needs 150 values from offset 3"),
                weights.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> direct.addWeightGradient(batch.input, 0, -1, batch.outputGradient, 0, gradient, 1));
        assertTrue(negative.getMessage().contains("-1 samples"), negative.getMessage());
        assertArrayEquals(batch.start, gradient);
    }

    /** Samples, their output gradients and a weight gradient to add to, each at an offset in a longer array. */
    private static final class Batch {
        final ConvGeometry g;
        final int filters;
        final int samples;
        final int inputOffset = 3;
        final float[] input;
        final int outputGradientOffset = 2;
        final float[] outputGradient;
        /** The weight gradient before the call, from 1, with one value either side. */
        final float[] start;

        Batch(ConvGeometry g, int filters, int samples, Random random) {
            this.g = g;
            this.filters = filters;
            this.samples = samples;
            input = values(random, inputOffset + samples * g.inputSize() + 5);
            outputGradient = values(random, outputGradientOffset + samples * filters * g.pixels() + 1);
            start = values(random, filters * g.patch() + 2);
        }

        float[] weightGradient(DirectConvolution direct) {
            float[] gradient = start.clone();
            direct.addWeightGradient(input, inputOffset, samples, outputGradient, outputGradientOffset, gradient, 1);
            assertEquals(start[0], gradient[0], "before the gradient");
            assertEquals(start[start.length - 1], gradient[start.length - 1], "after the gradient");
            return gradient;
        }

        /** What the unfolded pass adds: each sample unfolded, then multiplied. */
        float[] unfolded() {
            float[] gradient = start.clone();
            float[] columns = new float[g.columnsSize()];
            float[] scratch = new float[g.columnsSize()];
            for (int s = 0; s < samples; s++) {
                Im2col.unfold(g, input, inputOffset + s * g.inputSize(), columns, 0);
                Sgemm.multiplyAddTransposedB(filters, g.pixels(), g.patch(), outputGradient,
                        outputGradientOffset + s * filters * g.pixels(), columns, 0, gradient, 1, scratch, 0);
            }
            return gradient;
        }

        void check(float[] gradient, String where) {
            double largest = 0;
            int kernel = g.kernel();
            for (int o = 0; o < filters; o++) {
                for (int k = 0; k < g.patch(); k++) {
                    int c = k / (kernel * kernel);
                    int u = k / kernel % kernel;
                    int v = k % kernel;
                    double sum = start[1 + o * g.patch() + k];
                    double magnitude = Math.abs(sum);
                    for (int s = 0; s < samples; s++) {
                        for (int y = 0; y < g.outputHeight(); y++) {
                            for (int x = 0; x < g.outputWidth(); x++) {
                                int row = y * g.stride() + u - g.pad();
                                int column = x * g.stride() + v - g.pad();
                                if (row < 0 || row >= g.height() || column < 0 || column >= g.width()) {
                                    continue;
                                }
                                double term = (double) outputGradient[outputGradientOffset
                                        + (s * filters + o) * g.pixels() + y * g.outputWidth() + x]
                                        * input[inputOffset + s * g.inputSize() + (c * g.height() + row) * g.width()
                                                + column];
                                sum += term;
                                magnitude += Math.abs(term);
                            }
                        }
                    }
                    double error = Math.abs(gradient[1 + o * g.patch() + k] - sum) / magnitude;
                    largest = Math.max(largest, error);
                    assertTrue(error <= TOLERANCE, where + ", filter " + o + ", step " + k + ": "
                            + gradient[1 + o * g.patch() + k] + " against " + sum);
                }
            }
            System.out.printf("%s: largest error %.2e of the terms' magnitude%n", where, largest);
        }
    }

    private static float[] values(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }
}
