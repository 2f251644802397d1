package dev.filtre.kernels;

import java.util.Arrays;

/**
 * The input gradient of a 3x3 convolution moving by 1 ({@code P} zeros of padding, at most 2), by
 * Winograd's F(2x2, 3x3): {@code dL/dx[c][y][x] = Σ_f Σ_u Σ_v dL/dy[f][y - u + P][x - v + P] ·
 * w[f][c][u][v]} is itself a convolution, of the output gradient padded by {@code 2 - P}, with the
 * filters turned half a turn and their channels and filters swapped ({@code w'[c][f][u][v] =
 * w[f][c][2 - u][2 - v]}): {@code C} filters over {@code F} channels, whose output has the input's
 * sides, which {@link WinogradConvolution} computes with 2.25 times fewer multiply-adds than the
 * unfolded pass's {@code Wᵀ × dY}, and without folding the unfolded gradient back.
 *
 * <p>The gradients are the unfolded pass's up to rounding, not its bits (each is a sum of the same
 * products grouped otherwise). The turned weights are made again only when a call brings other
 * weights; the buffers (two copies of the weights, and the convolution's) come with the first call.
 * One object per thread.
 */
public final class WinogradInputGradient {
    private static final String OPERATION = "WinogradInputGradient.inputGradient";

    private final ConvGeometry geometry;
    private final int filters;
    /** The convolution of the output gradient: {@code filters} channels, {@code C} filters. */
    private final WinogradConvolution turnedConvolution;
    /** Zero, the turned convolution's biases. */
    private final float[] zeros;
    /** The weights turned and swapped, {@code [C][filters·3·3]}. */
    private float[] turned;
    /** The weights {@link #turned} was made from, {@code [filters][C·3·3]} (zero until then). */
    private float[] turnedFrom;

    /**
     * The input gradient of a convolution of {@code filters} filters over {@code geometry}.
     *
     * @throws IllegalArgumentException when the window is not 3x3 moving by 1, the padding is more
     *     than 2 (the input would have values no window sees, which this convolution does not
     *     write), or {@code filters} is not positive
     */
    public WinogradInputGradient(ConvGeometry geometry, int filters) {
        if (geometry.kernel() != 3 || geometry.stride() != 1 || geometry.pad() > 2) {
            throw new IllegalArgumentException("WinogradInputGradient: " + geometry
                    + " is not a 3x3 window moving by 1 with at most 2 zeros of padding, the only one whose input "
                    + "gradient F(2x2, 3x3) computes");
        }
        if (filters < 1) {
            throw new IllegalArgumentException("WinogradInputGradient: " + filters + " filters for " + geometry
                    + ", expected 1 or more");
        }
        this.geometry = geometry;
        this.filters = filters;
        ConvGeometry turnedGeometry = new ConvGeometry(filters, geometry.outputHeight(), geometry.outputWidth(), 3, 1,
                2 - geometry.pad());
        this.turnedConvolution = new WinogradConvolution(turnedGeometry, geometry.channels());
        this.zeros = new float[geometry.channels()];
    }

    /** The forward convolution's input and window. */
    public ConvGeometry geometry() {
        return geometry;
    }

    /** The forward convolution's filters. */
    public int filters() {
        return filters;
    }

    /**
     * Writes {@code dL/dx} of {@code samples} samples ({@code samples × C × H × W} from {@code
     * inputGradientOffset}) from their output gradients ({@code samples × filters × H' × W'} from
     * {@code outputGradientOffset}) and the weights ({@code [filters][C·3·3]} from {@code
     * weightOffset}, as the model stores them), up to rounding; what was there is replaced.
     *
     * @throws IllegalArgumentException when {@code samples} is negative or a region does not fit
     *     its array
     */
    public void inputGradient(float[] outputGradient, int outputGradientOffset, int samples, float[] weights,
            int weightOffset, float[] inputGradient, int inputGradientOffset) {
        int weightCount = filters * geometry.patch();
        Regions.region(OPERATION, "weights [filters·C·3·3]", weights, weightOffset, weightCount);
        if (samples < 0) {
            throw new IllegalArgumentException(OPERATION + ": " + samples + " samples, expected 0 or more");
        }
        Regions.region(OPERATION, "output gradient [samples·filters·H'·W']", outputGradient, outputGradientOffset,
                (long) samples * filters * geometry.pixels());
        Regions.region(OPERATION, "input gradient [samples·C·H·W]", inputGradient, inputGradientOffset,
                (long) samples * geometry.inputSize());
        if (turned == null) {
            turned = new float[weightCount];
            turnedFrom = new float[weightCount];
            turn(weights, weightOffset);
        } else if (!Arrays.equals(weights, weightOffset, weightOffset + weightCount, turnedFrom, 0, weightCount)) {
            turn(weights, weightOffset);
        }
        turnedConvolution.forwardSamples(outputGradient, outputGradientOffset, samples, turned, 0, zeros, 0,
                inputGradient, inputGradientOffset);
    }

    /** {@code turned[c][f][8 - k] = w[f][c][k]}, and the weights kept in {@link #turnedFrom}. */
    private void turn(float[] weights, int weightOffset) {
        int channels = geometry.channels();
        System.arraycopy(weights, weightOffset, turnedFrom, 0, turnedFrom.length);
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                int from = (f * channels + c) * 9;
                int to = (c * filters + f) * 9 + 8;
                for (int k = 0; k < 9; k++) {
                    turned[to - k] = turnedFrom[from + k];
                }
            }
        }
    }
}
