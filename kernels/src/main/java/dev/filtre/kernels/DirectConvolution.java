package dev.filtre.kernels;

import java.util.Arrays;

/**
 * A convolution's forward pass for one sample without unfolding its input: the input is copied
 * into a zero-padded buffer (whose borders are never written), and each output value read off it
 * window step by window step: with vectors along the filters ({@code VectorConvolution}; for a 5x5
 * window moving by 1 over rows of ten or more with whole vectors of filters, ten positions at a
 * time, {@code VectorFiveByFive}), or, for a window moving by 1 over output rows a vector wide or
 * more, along the rows ({@code VectorRowConvolution}). The vector kernels take the weights transposed, {@code
 * [patch][filters]}, which this object keeps with the weights it transposed, transposing a filter's
 * again only when a call brings other weights for it (the call's filters compared: 1.3 µs for all of
 * FashionNet's conv2, about half that for a thread's half, against 8 µs for unfolding its input).
 *
 * <p>Gives the same bits as {@link Im2col#unfold} then {@link Sgemm#multiplyAdd} onto the bias,
 * on both kernels. One object per thread: it holds the padded copy, the scratch and the transposed
 * weights of its last call, allocated by its first.
 */
public final class DirectConvolution {
    private static final String OPERATION = "DirectConvolution.forward";
    private static final String GRADIENT_OPERATION = "DirectConvolution.addWeightGradient";
    /**
     * Samples whose padded inputs {@link #addWeightGradient} lays side by side for the vector kernel,
     * which sums over all of them before reducing its lanes.
     */
    private static final int GRADIENT_GROUP = 8;

    private final ConvGeometry geometry;
    private final int filters;
    /** Index in {@link #padded} of each window step {@code (c, u, v)}, from the window's first value. */
    private final int[] steps;
    /** Whether the kernels read the weights transposed, {@code [patch][filters]}. */
    private final boolean transposes;
    /** Whether the kernels sum the weight gradient along rows, from padded inputs, rather than unfold. */
    private final boolean sumsAlongRows;
    /** The buffers below, null until the first call. */
    private float[] padded;
    private float[] scratch;
    /** The weights as the kernels read them, when they read them transposed; else null. */
    private float[] transposed;
    /**
     * The weights {@link #transposed} was made from: each filter's row of them is the source of the
     * same filter's column of {@link #transposed} (both zero until the filter is first transposed).
     */
    private float[] transposedFrom;
    /**
     * {@link #addWeightGradient}'s buffers, null until its first call: {@link #GRADIENT_GROUP} padded
     * inputs and the kernel's sums when it {@link #sumsAlongRows}, else a sample's unfolded input and
     * the multiply's scratch.
     */
    private float[] gradientInputs;
    private float[] gradientScratch;

    /**
     * A convolution of {@code filters} over {@code geometry}; its buffers (the padded input, the
     * kernels' scratch, from none to twice the output's size, and, for the vector kernels, two
     * copies of the weights: 230 KB for FashionNet's conv2) come with the first call, so that a
     * model that never evaluates one sample, a training replica, does not hold them.
     *
     * @throws IllegalArgumentException when {@code filters} is not positive
     */
    public DirectConvolution(ConvGeometry geometry, int filters) {
        if (filters < 1) {
            throw new IllegalArgumentException("DirectConvolution: " + filters + " filters for " + geometry
                    + ", expected 1 or more");
        }
        this.geometry = geometry;
        this.filters = filters;
        int paddedWidth = geometry.width() + 2 * geometry.pad();
        int paddedHeight = geometry.height() + 2 * geometry.pad();
        int kernel = geometry.kernel();
        steps = new int[geometry.patch()];
        for (int c = 0, k = 0; c < geometry.channels(); c++) {
            for (int u = 0; u < kernel; u++) {
                for (int v = 0; v < kernel; v++) {
                    steps[k++] = (c * paddedHeight + u) * paddedWidth + v;
                }
            }
        }
        transposes = Kernels.SELECTED.convolvesTransposedWeights();
        sumsAlongRows = Kernels.SELECTED.sumsWeightGradientAlongRows(geometry, filters);
    }

    /** Allocates the buffers, the padded input's borders zero for good. */
    private void allocate() {
        padded = new float[paddedSize()];
        scratch = new float[Kernels.SELECTED.convolutionScratch(geometry, filters)];
        if (transposes) {
            transposed = new float[geometry.patch() * filters];
            transposedFrom = new float[geometry.patch() * filters];
        }
    }

    /** The input's shape and window. */
    public ConvGeometry geometry() {
        return geometry;
    }

    /** The convolution's filters, its output channels. */
    public int filters() {
        return filters;
    }

    /**
     * Writes the planes of filters {@code [first, end)} of the output ({@code filters × H' × W'}
     * from {@code outputOffset}): each the filter's bias plus the sum of its weights ({@code
     * [filters][C·K·K]} from {@code weightOffset}, as the model stores them) times the values its
     * window sees of the input ({@code C × H × W} from {@code inputOffset}), zeros in the padding.
     *
     * @throws IllegalArgumentException when a region does not fit its array or {@code [first, end)}
     *     is not a range of filters
     */
    public void forward(float[] input, int inputOffset, float[] weights, int weightOffset, float[] bias,
            int biasOffset, int first, int end, float[] output, int outputOffset) {
        Regions.convolution(OPERATION, geometry, filters, input, inputOffset, weights, weightOffset, bias, biasOffset,
                first, end, output, outputOffset);
        if (padded == null) {
            allocate();
        }
        pad(input, inputOffset);
        float[] read = weights;
        int readOffset = weightOffset;
        if (transposes) {
            transposeIfChanged(weights, weightOffset, first, end);
            read = transposed;
            readOffset = 0;
        }
        Kernels.SELECTED.convolve(geometry, steps, filters, first, end, padded, read, readOffset, bias, biasOffset,
                output, outputOffset, scratch);
    }

    /**
     * Adds to the weight gradient ({@code [filters][C·K·K]} from {@code weightGradientOffset}, as the
     * model stores the weights) that of {@code samples} samples: for each filter and window step,
     * the sum over the samples and the output positions of the filter's output gradient there
     * ({@code samples} volumes {@code filters × H' × W'}, one after the other from {@code
     * outputGradientOffset}) times the value the window's step sees of the input ({@code samples}
     * volumes {@code C × H × W} from {@code inputOffset}), zeros in the padding. The vector kernels
     * sum along the output rows straight from padded copies of the inputs, eight samples at a time,
     * when their row kernel takes this geometry (a window moving by 1 over rows of a vector or more,
     * of 16 values or more: LeNet-5's conv1, not FashionNet's), or in blocks of ten positions with
     * vectors along the filters when {@code VectorFiveByFive} takes it (LeNet-5's conv2); the sums
     * are then the unfolded multiply's up to rounding. Otherwise each sample's input is unfolded ({@link Im2col#unfold}) and multiplied
     * ({@link Sgemm#multiplyAddTransposedB}), with the bits of the unfolded pass.
     *
     * @throws IllegalArgumentException when {@code samples} is negative or a region does not fit
     *     its array
     */
    public void addWeightGradient(float[] input, int inputOffset, int samples, float[] outputGradient,
            int outputGradientOffset, float[] weightGradient, int weightGradientOffset) {
        if (samples < 0) {
            throw new IllegalArgumentException(GRADIENT_OPERATION + ": " + samples + " samples, expected 0 or more");
        }
        // constant names: a check that passes allocates nothing
        Regions.region(GRADIENT_OPERATION, "input [samples × C·H·W]", input, inputOffset,
                (long) samples * geometry.inputSize());
        Regions.region(GRADIENT_OPERATION, "output gradient [samples × filters·H'·W']", outputGradient,
                outputGradientOffset, (long) samples * filters * geometry.pixels());
        Regions.region(GRADIENT_OPERATION, "weight gradient [filters × C·K·K]", weightGradient, weightGradientOffset,
                (long) filters * geometry.patch());
        if (sumsAlongRows) {
            sumAlongRows(input, inputOffset, samples, outputGradient, outputGradientOffset, weightGradient,
                    weightGradientOffset);
        } else {
            unfoldAndMultiply(input, inputOffset, samples, outputGradient, outputGradientOffset, weightGradient,
                    weightGradientOffset);
        }
    }

    private void sumAlongRows(float[] input, int inputOffset, int samples, float[] outputGradient,
            int outputGradientOffset, float[] weightGradient, int weightGradientOffset) {
        int paddedSize = paddedSize();
        if (gradientInputs == null) {
            gradientInputs = new float[GRADIENT_GROUP * paddedSize];
            gradientScratch = new float[Kernels.SELECTED.weightGradientSums(geometry, filters, GRADIENT_GROUP)];
        }
        for (int first = 0; first < samples; first += GRADIENT_GROUP) {
            int count = Math.min(GRADIENT_GROUP, samples - first);
            for (int s = 0; s < count; s++) {
                pad(input, inputOffset + (first + s) * geometry.inputSize(), gradientInputs, s * paddedSize);
            }
            Kernels.SELECTED.addWeightGradientAlongRows(geometry, steps, filters, count, gradientInputs, paddedSize,
                    outputGradient, outputGradientOffset + first * filters * geometry.pixels(), weightGradient,
                    weightGradientOffset, gradientScratch);
        }
    }

    private void unfoldAndMultiply(float[] input, int inputOffset, int samples, float[] outputGradient,
            int outputGradientOffset, float[] weightGradient, int weightGradientOffset) {
        int pixels = geometry.pixels();
        int patch = geometry.patch();
        if (gradientInputs == null) {
            gradientInputs = new float[patch * pixels];
            gradientScratch = new float[patch * pixels];
        }
        for (int s = 0; s < samples; s++) {
            Im2col.unfold(geometry, input, inputOffset + s * geometry.inputSize(), gradientInputs, 0);
            Sgemm.multiplyAddTransposedB(filters, pixels, patch, outputGradient,
                    outputGradientOffset + s * filters * pixels, gradientInputs, 0, weightGradient,
                    weightGradientOffset, gradientScratch, 0);
        }
    }

    /** Values in one sample's zero-padded input. */
    private int paddedSize() {
        return geometry.channels() * (geometry.height() + 2 * geometry.pad())
                * (geometry.width() + 2 * geometry.pad());
    }

    /** Copies the input's rows inside the zero borders of {@link #padded}. */
    private void pad(float[] input, int inputOffset) {
        pad(input, inputOffset, padded, 0);
    }

    /** Copies the input's rows inside the zero borders of the padded copy from {@code paddedOffset} in {@code target}. */
    private void pad(float[] input, int inputOffset, float[] target, int paddedOffset) {
        int pad = geometry.pad();
        int width = geometry.width();
        int height = geometry.height();
        int paddedWidth = width + 2 * pad;
        for (int c = 0; c < geometry.channels(); c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(input, inputOffset + (c * height + y) * width, target,
                        paddedOffset + (c * (height + 2 * pad) + y + pad) * paddedWidth + pad, width);
            }
        }
    }

    /**
     * Makes {@link #transposed} hold filters {@code [first, end)} of {@code weights}, the only ones
     * the kernels read: nothing to do when their rows of {@link #transposedFrom} are the same
     * (comparing only a share's rows halves the check for each of two threads).
     */
    private void transposeIfChanged(float[] weights, int weightOffset, int first, int end) {
        int patch = geometry.patch();
        int from = first * patch;
        int to = end * patch;
        if (Arrays.equals(weights, weightOffset + from, weightOffset + to, transposedFrom, from, to)) {
            return;
        }
        System.arraycopy(weights, weightOffset + from, transposedFrom, from, to - from);
        for (int f = first; f < end; f++) {
            for (int k = 0; k < patch; k++) {
                transposed[k * filters + f] = transposedFrom[f * patch + k];
            }
        }
    }
}
