package dev.filtre.kernels;

import java.util.Arrays;

/**
 * The weight gradient of a 3x3 convolution moving by 1, by Winograd's F(2x2, 3x3): the forward
 * pass's {@code Y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A} is linear in each filter {@code g}, so its gradient
 * is {@code Gᵀ [Σ (A dY Aᵀ) ⊙ (Bᵀ d B)] G}, the sum over the samples and the output's 2x2 tiles of
 * the transformed output gradient times the transformed input window (Lavin and Gray, 2016). The
 * sums are sixteen matrix multiplies, {@code [C × tiles]·[tiles × filters]} a sample, 2.25 times
 * fewer multiply-adds than the unfolded pass's {@code dY × columnsᵀ}, and neither the unfolding nor
 * its transpose. The transforms back, {@code Gᵀ Z G}, come once a call.
 *
 * <p>The gradients are the unfolded pass's up to rounding, not its bits (each is a sum of the same
 * products grouped otherwise; the largest error next to the sum of the absolute values of the terms
 * is measured in {@code WinogradWeightGradientTest}). The buffers (for FashionNet's conv2 the padded
 * input, the output gradient channels last, a sample's two sets of transforms and the sums: 1.5 MB)
 * come with the first call. One object per thread.
 */
public final class WinogradWeightGradient {
    private static final String OPERATION = "WinogradWeightGradient.addWeightGradient";

    private final ConvGeometry geometry;
    private final WinogradTiles tiles;
    private float[] dense;
    private float[] padded;
    private float[] gradientDense;
    private float[] transformedInput;
    private float[] transformedGradient;
    /** The sums {@code Z}, {@code [ξ][C][filters]}. */
    private float[] sums;

    /**
     * The weight gradient of a convolution of {@code filters} 3x3 filters moving by 1 over {@code
     * geometry}.
     *
     * @throws IllegalArgumentException when the window is not 3x3 moving by 1, or {@code filters} is
     *     not positive
     */
    public WinogradWeightGradient(ConvGeometry geometry, int filters) {
        this.tiles = WinogradTiles.checked("WinogradWeightGradient", geometry, filters);
        this.geometry = geometry;
    }

    /** The input's shape and window. */
    public ConvGeometry geometry() {
        return geometry;
    }

    /** The convolution's filters. */
    public int filters() {
        return tiles.filters();
    }

    /**
     * Adds to {@code weightGradient} ({@code [filters][C·3·3]} from {@code weightGradientOffset}, as
     * the model stores the weights) the sum over {@code samples} samples of each weight's gradient:
     * the output gradient of its filter ({@code samples × filters × H' × W'} from {@code
     * outputGradientOffset}) times the input values its window sees ({@code samples × C × H × W}
     * from {@code inputOffset}, zeros in the padding), up to rounding.
     *
     * @throws IllegalArgumentException when {@code samples} is negative or a region does not fit
     *     its array; nothing is written then
     */
    public void addWeightGradient(float[] input, int inputOffset, int samples, float[] outputGradient,
            int outputGradientOffset, float[] weightGradient, int weightGradientOffset) {
        int filters = tiles.filters();
        if (samples < 0) {
            throw new IllegalArgumentException(OPERATION + ": " + samples + " samples, expected 0 or more");
        }
        Regions.region(OPERATION, "input [samples·C·H·W]", input, inputOffset,
                (long) samples * geometry.inputSize());
        int outputSize = filters * geometry.pixels();
        Regions.region(OPERATION, "output gradient [samples·filters·H'·W']", outputGradient, outputGradientOffset,
                (long) samples * outputSize);
        Regions.region(OPERATION, "weight gradient [filters·C·3·3]", weightGradient, weightGradientOffset,
                (long) filters * geometry.patch());
        if (samples == 0) {
            return;
        }
        if (padded == null) {
            allocate();
        }
        Arrays.fill(sums, 0f);
        for (int s = 0; s < samples; s++) {
            Kernels.SELECTED.winogradPad(tiles, input, inputOffset + s * geometry.inputSize(), geometry.height(),
                    geometry.width(), geometry.pad(), dense, padded);
            Kernels.SELECTED.winogradWeightProducts(tiles, padded, outputGradient,
                    outputGradientOffset + s * outputSize, gradientDense, transformedInput, transformedGradient, sums);
        }
        addTransformedBack(weightGradient, weightGradientOffset);
    }

    private void allocate() {
        int channels = geometry.channels();
        int filters = tiles.filters();
        dense = new float[geometry.inputSize()];
        padded = new float[tiles.paddedRows() * tiles.paddedWidth() * channels];
        gradientDense = new float[geometry.pixels() * filters];
        transformedInput = new float[WinogradTiles.POINTS * tiles.tiles() * channels];
        transformedGradient = new float[WinogradTiles.POINTS * tiles.tiles() * filters];
        sums = new float[WinogradTiles.POINTS * channels * filters];
    }

    /**
     * {@code dW[f][c] += Gᵀ Z G} for every filter and channel, {@code Gᵀ} taking {@code (z0, z1, z2,
     * z3)} to {@code (z0 + (z1 + z2)/2, (z1 - z2)/2, (z1 + z2)/2 + z3)}, down the columns, then
     * along the rows.
     */
    private void addTransformedBack(float[] weightGradient, int offset) {
        int channels = geometry.channels();
        int filters = tiles.filters();
        int pointStride = channels * filters;
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                int at = c * filters + f;
                int to = offset + (f * channels + c) * 9;
                for (int u = 0; u < 3; u++) {
                    // row u of Gᵀ Z: the four columns s of Z combined down their rows r
                    float r0 = back(u, sums[at], sums[at + 4 * pointStride], sums[at + 8 * pointStride],
                            sums[at + 12 * pointStride]);
                    float r1 = back(u, sums[at + pointStride], sums[at + 5 * pointStride],
                            sums[at + 9 * pointStride], sums[at + 13 * pointStride]);
                    float r2 = back(u, sums[at + 2 * pointStride], sums[at + 6 * pointStride],
                            sums[at + 10 * pointStride], sums[at + 14 * pointStride]);
                    float r3 = back(u, sums[at + 3 * pointStride], sums[at + 7 * pointStride],
                            sums[at + 11 * pointStride], sums[at + 15 * pointStride]);
                    for (int v = 0; v < 3; v++) {
                        weightGradient[to + 3 * u + v] += back(v, r0, r1, r2, r3);
                    }
                }
            }
        }
    }

    /** Value {@code k} of {@code Gᵀ (z0, z1, z2, z3)}. */
    private static float back(int k, float z0, float z1, float z2, float z3) {
        return switch (k) {
            case 0 -> z0 + (z1 + z2) * 0.5f;
            case 1 -> (z1 - z2) * 0.5f;
            default -> (z1 + z2) * 0.5f + z3;
        };
    }
}
