package dev.filtre.kernels;

import java.util.Arrays;

/**
 * A 3x3 convolution moving by 1, for one sample, by Winograd's minimal filtering F(2x2, 3x3)
 * (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks", 2016): each 2x2 tile of the
 * output comes from the 4x4 window of input under it, transformed ({@code Bᵀ d B}, additions only),
 * multiplied point by point with the transformed filter ({@code G g Gᵀ}) and summed over the
 * channels, then transformed back ({@code Aᵀ M A}, additions only): 16 multiply-adds a tile and
 * channel where the direct sum takes 36, 2.25 times fewer. The products are sixteen independent
 * matrix multiplies, {@code [tiles × C]·[C × filters]}, which the vector kernels run in the register
 * blocks of the direct convolution.
 *
 * <p>The results are those of the convolution up to rounding, not its bits: each output is a sum of
 * the same products grouped otherwise (errors of a few units in the last place of the sums of
 * absolute values, measured in {@code WinogradConvolutionTest}), and an infinite input gives NaN
 * where the direct sum may give an infinity. The generated models use it in every forward pass of
 * the layers it suits, sample by sample ({@link #forwardSamples} for a batch), their backward passes
 * by {@link WinogradWeightGradient} and {@link WinogradInputGradient}; in evaluation, where a 2x2 max
 * pooling follows over even sides, {@link #forwardPooled} hands it the maxima of the tiles instead
 * of the output.
 * The filters' transforms are kept, made again for a filter only when a call brings other weights
 * for it; the buffers (for FashionNet's conv2: the input channels last, the weights' transforms and
 * their copy, a block's transforms and products, the output before its transpose: 355 KB, of which
 * a thread's half of the filters touches about 190) come with the first call. One object per
 * thread.
 */
public final class WinogradConvolution {
    private static final String OPERATION = "WinogradConvolution.forward";
    private static final String POOLED_OPERATION = "WinogradConvolution.forwardPooled";
    private static final String SAMPLES_OPERATION = "WinogradConvolution.forwardSamples";

    private final ConvGeometry geometry;
    private final WinogradTiles tiles;
    private float[] dense;
    private float[] padded;
    private float[] blockInput;
    private float[] blockProducts;
    private float[] scratch;
    /** The filters' transforms, {@code [ξ][C][filters]}. */
    private float[] transformedWeights;
    /** The weights {@link #transformedWeights} were made from, filter by filter (zero until then). */
    private float[] transformedFrom;
    /** A filter's transform down its columns, between {@link #transformFilter}'s two steps. */
    private final float[] columns = new float[12];

    /**
     * A convolution of {@code filters} 3x3 filters moving by 1 over {@code geometry}.
     *
     * @throws IllegalArgumentException when the window is not 3x3 moving by 1, or {@code filters} is
     *     not positive
     */
    public WinogradConvolution(ConvGeometry geometry, int filters) {
        this.tiles = WinogradTiles.checked("WinogradConvolution", geometry, filters);
        this.geometry = geometry;
    }

    private void allocate() {
        int channels = geometry.channels();
        int filters = tiles.filters();
        dense = new float[geometry.inputSize()];
        padded = new float[tiles.paddedRows() * tiles.paddedWidth() * channels];
        blockInput = new float[WinogradTiles.POINTS * WinogradTiles.BLOCK * channels];
        blockProducts = new float[WinogradTiles.POINTS * WinogradTiles.BLOCK * filters];
        scratch = new float[geometry.pixels() * filters];
        transformedWeights = new float[WinogradTiles.POINTS * channels * filters];
        transformedFrom = new float[filters * geometry.patch()];
    }

    /** The input's shape and window. */
    public ConvGeometry geometry() {
        return geometry;
    }

    /** The convolution's filters, its output channels. */
    public int filters() {
        return tiles.filters();
    }

    /**
     * Writes the planes of filters {@code [first, end)} of the output ({@code filters × H' × W'}
     * from {@code outputOffset}): each the filter's bias plus the sum of its weights ({@code
     * [filters][C·3·3]} from {@code weightOffset}, as the model stores them) times the values its
     * window sees of the input ({@code C × H × W} from {@code inputOffset}), zeros in the padding, up
     * to rounding.
     *
     * @throws IllegalArgumentException when a region does not fit its array or {@code [first, end)}
     *     is not a range of filters
     */
    public void forward(float[] input, int inputOffset, float[] weights, int weightOffset, float[] bias,
            int biasOffset, int first, int end, float[] output, int outputOffset) {
        Regions.convolution(OPERATION, geometry, tiles.filters(), input, inputOffset, weights, weightOffset, bias, biasOffset,
                first, end, output, outputOffset);
        padAndTransform(input, inputOffset, weights, weightOffset, first, end);
        Kernels.SELECTED.winogradConvolve(tiles, first, end, padded, transformedWeights, bias, biasOffset,
                blockInput, blockProducts, scratch, output, outputOffset);
    }

    /**
     * The 2x2 max pooling, moving by 2, of filters {@code [first, end)} of what {@link #forward}
     * would write, without writing it: each 2x2 tile of a filter's output is a window, whose largest
     * value (NaN if one is NaN) goes to the pooled planes ({@code filters × H'/2 × W'/2} from {@code
     * pooledOffset}). The same values as {@code forward} then {@code MaxPooling.forward}, without
     * the output's transpose and the pooling's second pass; not the maxima's indices, which only a
     * backward pass reads: after an evaluation pass the generated models make them then, through
     * {@code forward} and {@code MaxPooling}. FashionNet's conv2, half its filters: 3.9-5.0 µs
     * after the products against 8.0-10.2 for the outputs, their transpose and the pooling.
     *
     * @throws IllegalArgumentException when the output's height or width is odd (the pooling's
     *     windows would not be the tiles), when a region does not fit its array or {@code [first,
     *     end)} is not a range of filters
     */
    public void forwardPooled(float[] input, int inputOffset, float[] weights, int weightOffset, float[] bias,
            int biasOffset, int first, int end, float[] pooled, int pooledOffset) {
        int filters = tiles.filters();
        if (geometry.outputHeight() % 2 != 0 || geometry.outputWidth() % 2 != 0) {
            throw new IllegalArgumentException(POOLED_OPERATION + ": the " + geometry.outputHeight() + "x"
                    + geometry.outputWidth() + " output of " + geometry + " has an odd side; 2x2 windows moving by 2 "
                    + "are its tiles only when both sides are even");
        }
        Regions.convolutionInputs(POOLED_OPERATION, geometry, filters, input, inputOffset, weights, weightOffset,
                bias, biasOffset, first, end);
        Regions.region(POOLED_OPERATION, "pooled [filters·H'/2·W'/2]", pooled, pooledOffset,
                (long) filters * tiles.tiles());
        padAndTransform(input, inputOffset, weights, weightOffset, first, end);
        Kernels.SELECTED.winogradConvolvePooled(tiles, first, end, padded, transformedWeights, bias, biasOffset,
                blockInput, blockProducts, scratch, pooled, pooledOffset);
    }

    /**
     * What {@link #forward} writes for all the filters, for {@code samples} samples one after
     * another: their inputs ({@code samples × C × H × W} from {@code inputOffset}) to their outputs
     * ({@code samples × filters × H' × W'} from {@code outputOffset}). The weights are compared with
     * those of the filters' transforms once for the call, not once a sample (1.7 µs for FashionNet's
     * conv2); each sample gets the bits {@code forward} gives it.
     *
     * @throws IllegalArgumentException when {@code samples} is negative or a region does not fit its
     *     array
     */
    public void forwardSamples(float[] input, int inputOffset, int samples, float[] weights, int weightOffset,
            float[] bias, int biasOffset, float[] output, int outputOffset) {
        int filters = tiles.filters();
        if (samples < 0) {
            throw new IllegalArgumentException(SAMPLES_OPERATION + ": " + samples + " samples, expected 0 or more");
        }
        Regions.region(SAMPLES_OPERATION, "input [samples·C·H·W]", input, inputOffset,
                (long) samples * geometry.inputSize());
        Regions.region(SAMPLES_OPERATION, "weights [filters·C·K·K]", weights, weightOffset,
                (long) filters * geometry.patch());
        Regions.region(SAMPLES_OPERATION, "bias [filters]", bias, biasOffset, filters);
        int outputSize = filters * geometry.pixels();
        Regions.region(SAMPLES_OPERATION, "output [samples·filters·H'·W']", output, outputOffset,
                (long) samples * outputSize);
        if (samples == 0) {
            return;
        }
        transform(weights, weightOffset, 0, filters);
        for (int s = 0; s < samples; s++) {
            pad(input, inputOffset + s * geometry.inputSize());
            Kernels.SELECTED.winogradConvolve(tiles, 0, filters, padded, transformedWeights, bias, biasOffset,
                    blockInput, blockProducts, scratch, output, outputOffset + s * outputSize);
        }
    }

    /** The buffers on the first call, the filters' transforms when their weights changed, the padded input. */
    private void padAndTransform(float[] input, int inputOffset, float[] weights, int weightOffset, int first,
            int end) {
        transform(weights, weightOffset, first, end);
        pad(input, inputOffset);
    }

    /** The buffers on the first call, then the transforms of filters {@code [first, end)} when their weights changed. */
    private void transform(float[] weights, int weightOffset, int first, int end) {
        if (padded == null) {
            allocate();
        }
        transformIfChanged(weights, weightOffset, first, end);
    }

    /** One sample's input, zero-padded and channels last, into {@link #padded}. */
    private void pad(float[] input, int inputOffset) {
        Kernels.SELECTED.winogradPad(tiles, input, inputOffset, geometry.height(), geometry.width(), geometry.pad(),
                dense, padded);
    }

    /**
     * Makes {@link #transformedWeights} hold filters {@code [first, end)} of {@code weights}: nothing
     * to do when their rows of {@link #transformedFrom} are the same.
     */
    private void transformIfChanged(float[] weights, int weightOffset, int first, int end) {
        int patch = geometry.patch();
        int from = first * patch;
        int to = end * patch;
        if (Arrays.equals(weights, weightOffset + from, weightOffset + to, transformedFrom, from, to)) {
            return;
        }
        System.arraycopy(weights, weightOffset + from, transformedFrom, from, to - from);
        int channels = geometry.channels();
        int filters = tiles.filters();
        for (int f = first; f < end; f++) {
            for (int c = 0; c < channels; c++) {
                transformFilter(transformedFrom, (f * channels + c) * 9, columns, transformedWeights,
                        c * filters + f, channels * filters);
            }
        }
    }

    /**
     * {@code G g Gᵀ} of the 3x3 filter {@code g[u][v] = w[at + 3u + v]}, {@code G} taking {@code (g0,
     * g1, g2)} to {@code (g0, (g0 + g1 + g2)/2, (g0 - g1 + g2)/2, g2)}, down the columns, then along
     * the rows (through {@code column}, 12 values); value {@code ξ = 4r + s} to {@code u[to +
     * ξ·pointStride]}.
     */
    static void transformFilter(float[] w, int at, float[] column, float[] u, int to, int pointStride) {
        for (int v = 0; v < 3; v++) {
            float g0 = w[at + v];
            float g1 = w[at + 3 + v];
            float g2 = w[at + 6 + v];
            column[v] = g0;
            column[3 + v] = (g0 + g1 + g2) * 0.5f;
            column[6 + v] = (g0 - g1 + g2) * 0.5f;
            column[9 + v] = g2;
        }
        for (int r = 0; r < 4; r++) {
            float g0 = column[3 * r];
            float g1 = column[3 * r + 1];
            float g2 = column[3 * r + 2];
            int row = to + 4 * r * pointStride;
            u[row] = g0;
            u[row + pointStride] = (g0 + g1 + g2) * 0.5f;
            u[row + 2 * pointStride] = (g0 - g1 + g2) * 0.5f;
            u[row + 3 * pointStride] = g2;
        }
    }
}
