package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Im2col}'s unfold and fold against their definitions written as plain loops, bit for bit,
 * on random values with negative zeros and mixed magnitudes. The definition's fold adds row by row
 * of the unfolded matrix, which is the order every input value received its additions in when the
 * figures downstream (demo accuracy, robot scores) were measured; a fold that adds in another
 * order changes the last bits and fails here. The cases: the networks' geometries, other stride-1 and strided ones, one sample alone or at
 * each position of a chunk of 1 to 8 samples side by side, in arrays with and without room after
 * the data.
 */
class Im2colOrderTest {
    private static final ConvGeometry[] GEOMETRIES = {
        new ConvGeometry(1, 28, 28, 5, 1, 2), // LeNet-5's conv1
        new ConvGeometry(6, 14, 14, 5, 1, 0), // LeNet-5's conv2
        new ConvGeometry(1, 28, 28, 3, 1, 1), // FashionNet's conv1
        new ConvGeometry(32, 14, 14, 3, 1, 1), // FashionNet's conv2
        new ConvGeometry(3, 11, 11, 3, 2, 1), // strided
        new ConvGeometry(2, 9, 9, 5, 1, 1), // stride 1, narrower output with padding
        new ConvGeometry(2, 9, 7, 3, 1, 0),
        new ConvGeometry(2, 20, 20, 3, 1, 0), // rows wider than a vector
        new ConvGeometry(3, 12, 16, 5, 1, 0), // output row of 12, input row of 16
        new ConvGeometry(2, 3, 4, 5, 1, 1), // window wider than the unpadded input
        new ConvGeometry(1, 4, 5, 3, 1, 0),
    };

    @Test
    void unfoldWritesWhatTheDefinitionWrites() {
        Random random = new Random(11);
        for (ConvGeometry g : GEOMETRIES) {
            for (int samples = 1; samples <= 8; samples++) {
                for (int sample = 0; sample < samples; sample++) {
                    for (int room : new int[] {0, 37}) {
                        int rowStride = samples * g.pixels();
                        int offset = sample * g.pixels();
                        float[] input = values(random, 3 + g.inputSize() + room);
                        float[] expected = values(random, (g.patch() - 1) * rowStride + samples * g.pixels() + room);
                        float[] actual = expected.clone();
                        unfoldByDefinition(g, input, 3, expected, offset, rowStride);
                        Im2col.unfold(g, input, 3, actual, offset, rowStride);
                        assertSameBits(expected, actual, "unfold " + g + " sample " + sample + " of " + samples);
                    }
                }
            }
        }
    }

    @Test
    void foldAddAddsInTheDefinitionsOrder() {
        Random random = new Random(12);
        for (ConvGeometry g : GEOMETRIES) {
            for (int samples = 1; samples <= 8; samples++) {
                for (int sample = 0; sample < samples; sample++) {
                    for (int room : new int[] {0, 41}) {
                        int rowStride = samples * g.pixels();
                        int offset = sample * g.pixels();
                        float[] columns = values(random, (g.patch() - 1) * rowStride + samples * g.pixels() + room);
                        float[] expected = values(random, 5 + g.inputSize() + room);
                        float[] actual = expected.clone();
                        float[] expectedColumns = columns.clone();
                        foldAddByDefinition(g, expectedColumns, offset, rowStride, expected, 5);
                        Im2col.foldAdd(g, columns, offset, rowStride, actual, 5);
                        assertSameBits(expected, actual, "foldAdd " + g + " sample " + sample + " of " + samples);
                    }
                }
            }
        }
    }

    @Test
    void theWholeMatrixFormsMatchTheDefinitionToo() {
        Random random = new Random(13);
        for (ConvGeometry g : GEOMETRIES) {
            float[] input = values(random, g.inputSize());
            float[] expected = values(random, g.columnsSize());
            float[] actual = expected.clone();
            unfoldByDefinition(g, input, 0, expected, 0, g.pixels());
            Im2col.unfold(g, input, 0, actual, 0);
            assertSameBits(expected, actual, "unfold " + g);
            float[] gradient = values(random, g.inputSize());
            float[] expectedGradient = gradient.clone();
            foldAddByDefinition(g, expected, 0, g.pixels(), expectedGradient, 0);
            Im2col.foldAdd(g, actual, 0, gradient, 0);
            assertSameBits(expectedGradient, gradient, "foldAdd " + g);
        }
    }

    /**
     * Row {@code (c, u, v)}, column {@code (i, j)} of the unfolded matrix is the input value at
     * {@code (c, i·S + u - P, j·S + v - P)}, 0 in the padding; rows {@code rowStride} apart.
     */
    private static void unfoldByDefinition(ConvGeometry g, float[] input, int inputOffset, float[] columns,
            int columnsOffset, int rowStride) {
        forEachValue(g, rowStride, (column, inputIndex) -> columns[columnsOffset + column] =
                inputIndex < 0 ? 0f : input[inputOffset + inputIndex]);
    }

    /** Each value of the unfolded matrix added back where it was read, row after row. */
    private static void foldAddByDefinition(ConvGeometry g, float[] columns, int columnsOffset, int rowStride,
            float[] inputGradient, int inputOffset) {
        forEachValue(g, rowStride, (column, inputIndex) -> {
            if (inputIndex >= 0) {
                inputGradient[inputOffset + inputIndex] += columns[columnsOffset + column];
            }
        });
    }

    /** Where a value of the unfolded matrix is, and where it was read in the input (-1: padding). */
    private interface UnfoldedValue {
        void at(int column, int inputIndex);
    }

    /** Visits the unfolded matrix row by row ({@code (c, u, v)}), then output position by position. */
    private static void forEachValue(ConvGeometry g, int rowStride, UnfoldedValue visit) {
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int u = 0; u < g.kernel(); u++) {
                for (int v = 0; v < g.kernel(); v++, row++) {
                    for (int i = 0; i < g.outputHeight(); i++) {
                        for (int j = 0; j < g.outputWidth(); j++) {
                            int y = i * g.stride() + u - g.pad();
                            int x = j * g.stride() + v - g.pad();
                            boolean inside = y >= 0 && y < g.height() && x >= 0 && x < g.width();
                            visit.at(row * rowStride + i * g.outputWidth() + j,
                                    inside ? (c * g.height() + y) * g.width() + x : -1);
                        }
                    }
                }
            }
        }
    }

    /**
     * Random values whose sums round differently in another order: magnitudes from 1e-3 to 1e3,
     * both signs, and about one in eight a zero of either sign.
     */
    private static float[] values(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(16);
            values[i] = kind == 0 ? 0f : kind == 1 ? -0f
                    : (float) ((random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble() * 6 - 3));
        }
        return values;
    }

    /**
     * The same bits, except the sign of a zero: the same-width fold adds whole runs, so a -0.0 that
     * the definition leaves alone may gain a +0.0 (which changes no sum it later enters).
     */
    private static void assertSameBits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            boolean zeros = expected[i] == 0f && actual[i] == 0f;
            if (!zeros && Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                assertEquals(expected[i], actual[i], what + " at " + i + " (bits "
                        + Integer.toHexString(Float.floatToRawIntBits(expected[i])) + " against "
                        + Integer.toHexString(Float.floatToRawIntBits(actual[i])) + ")");
                throw new AssertionError(what + " at " + i + ": " + expected[i] + " against " + actual[i]
                        + ", the same value with other bits");
            }
        }
    }
}
