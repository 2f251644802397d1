package dev.filtre.examples.lecture;

/**
 * The numbers of the lecture's cs231n convolution slide, as printed: the input volume (5x5x3, before
 * its zero-padding of 1), the two 3x3x3 filters and their biases, and the output volume (3x3x2).
 * The slide shows volumes as depth slices {@code x[:, :, d]}; each slice here is one channel plane,
 * so the arrays are already in Filtre's (and PyTorch's) channel-first order.
 *
 * <p>The printed output disagrees with its own input and weights in one place: computed, the last
 * row of {@code o[:, :, 0]} is {@code 1 1 1}, not the printed {@code -1 -1 1} (the other 16 values
 * match). Reading {@code w0[:, :, 2]}'s first row as {@code 1 0 -1} instead of {@code 1 0 1} makes
 * all 18 printed values match. {@link #COMPUTED_OUTPUT} holds what the printed input and weights give.
 */
public final class Cs231nVolume {
    private Cs231nVolume() {}

    /** {@code x[:, :, 0..2]}, one 5x5 plane per channel. */
    public static final float[][][] INPUT = {
        {
            {2, 2, 2, 2, 0},
            {0, 0, 1, 2, 0},
            {0, 2, 2, 1, 0},
            {2, 1, 0, 1, 1},
            {2, 2, 2, 1, 1}
        },
        {
            {1, 0, 0, 0, 0},
            {0, 1, 2, 0, 2},
            {1, 2, 1, 0, 1},
            {1, 1, 1, 0, 2},
            {0, 1, 0, 1, 1}
        },
        {
            {0, 1, 2, 0, 0},
            {0, 0, 2, 0, 0},
            {2, 1, 1, 1, 2},
            {0, 1, 1, 1, 2},
            {2, 1, 0, 2, 1}
        }
    };

    /** Filter W0, {@code w0[:, :, 0..2]}. */
    public static final float[][][] W0 = {
        {{-1, 0, -1}, {-1, -1, 0}, {0, 1, -1}},
        {{-1, 0, 0}, {1, -1, 1}, {-1, 1, 0}},
        {{1, 0, 1}, {1, 0, 1}, {-1, 1, -1}}
    };

    /** Filter W1, {@code w1[:, :, 0..2]}. */
    public static final float[][][] W1 = {
        {{1, -1, 1}, {0, 0, -1}, {0, -1, -1}},
        {{1, 0, -1}, {1, 1, 1}, {-1, 0, -1}},
        {{-1, 1, 1}, {1, -1, 0}, {-1, 0, 0}}
    };

    /** The biases b0 and b1. */
    public static final float[] BIAS = {1, 0};

    /** The output volume computed from the printed input and filters, {@code o[:, :, 0..1]}. */
    public static final float[][][] COMPUTED_OUTPUT = {
        {{-1, 0, 1}, {4, -5, 2}, {1, 1, 1}},
        {{-2, -7, 0}, {-6, 3, 0}, {-4, 6, 4}}
    };

    /** The output volume as the slide prints it. */
    public static final float[][][] PRINTED_OUTPUT = {
        {{-1, 0, 1}, {4, -5, 2}, {-1, -1, 1}},
        {{-2, -7, 0}, {-6, 3, 0}, {-4, 6, 4}}
    };

    /** The input volume flattened channel first, as a model reads it. */
    public static float[] input() {
        return flatten(INPUT);
    }

    /** Both filters flattened as {@code [filter][channel][row][column]}, as a conv layer stores them. */
    public static float[] weights() {
        float[] w0 = flatten(W0);
        float[] w1 = flatten(W1);
        float[] weights = new float[w0.length + w1.length];
        System.arraycopy(w0, 0, weights, 0, w0.length);
        System.arraycopy(w1, 0, weights, w0.length, w1.length);
        return weights;
    }

    /** A volume flattened channel first, then row, then column. */
    public static float[] flatten(float[][][] volume) {
        int planes = volume.length;
        int rows = volume[0].length;
        int columns = volume[0][0].length;
        float[] flat = new float[planes * rows * columns];
        int i = 0;
        for (float[][] plane : volume) {
            for (float[] row : plane) {
                for (float value : row) {
                    flat[i++] = value;
                }
            }
        }
        return flat;
    }
}
