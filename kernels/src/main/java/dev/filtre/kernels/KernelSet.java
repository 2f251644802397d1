package dev.filtre.kernels;

/**
 * One implementation of the primitives behind {@link Sgemm} and {@link Gemv}. The public classes
 * check their arguments, then call the implementation {@link Kernels} chose; an implementation
 * trusts what it is given.
 *
 * <p>Matrices are row-major {@code float[]} regions starting at an offset, with no padding between
 * rows. A matrix {@code A} of {@code m} rows is read through two strides so that one kernel serves
 * {@code A} and {@code Aᵀ}: element {@code (i, p)} is {@code a[aOffset + i * aRowStride + p *
 * aColumnStride]}.
 */
interface KernelSet {
    /** The name {@code -Dfiltre.kernels} selects this implementation with. */
    String name();

    /**
     * {@code C[m×n] += A[m×k] · B[k×n]}, with {@code A}'s element {@code (i, p)} at {@code aOffset
     * + i * aRowStride + p * aColumnStride}.
     */
    void multiplyAdd(int m, int k, int n, float[] a, int aOffset, int aRowStride, int aColumnStride,
            float[] b, int bOffset, float[] c, int cOffset);

    /** {@code C[m×n] += A[m×k] · Bᵀ} with {@code B} stored {@code [n×k]}: dot products of rows. */
    void multiplyAddTransposedB(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset, float[] c,
            int cOffset);

    /**
     * {@code C[m×n] += A[m×k] · Bᵀ} like {@link #multiplyAddTransposedB(int, int, int, float[], int,
     * float[], int, float[], int)}, free to first transpose {@code B} into the {@code k·n} values of
     * {@code scratch} from {@code scratchOffset} when that is faster.
     */
    void multiplyAddTransposedB(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset, float[] c,
            int cOffset, float[] scratch, int scratchOffset);

    /** {@code y[m] += A[m×n] · x[n]}. */
    void multiplyVectorAdd(int m, int n, float[] a, int aOffset, float[] x, int xOffset, float[] y, int yOffset);

    /** {@code y[n] += Aᵀ · x[m]} with {@code A} stored {@code [m×n]}. */
    void multiplyTransposedVectorAdd(int m, int n, float[] a, int aOffset, float[] x, int xOffset, float[] y,
            int yOffset);

    /** {@code y[i] += Σⱼ A[i][j]} for the {@code m} rows of {@code A[m×n]}. */
    void addRowSums(int m, int n, float[] a, int aOffset, float[] y, int yOffset);

    /** {@code y[j] += x[j]} for the {@code n} values from each offset (regions of one array do not overlap). */
    void add(int n, float[] x, int xOffset, float[] y, int yOffset);

    /** {@link AdamStep#update}'s step on parameters {@code [from, to)}. */
    void adam(int from, int to, float[] p, float[] g, float[] m, float[] v, double rate, double correction1,
            double correction2, double beta1, double beta2, double epsilon);

    /** {@code A[m×n] += x[m] · yᵀ[n]}. */
    void rankOneUpdate(int m, int n, float[] x, int xOffset, float[] y, int yOffset, float[] a, int aOffset);

    /**
     * {@code rows} consecutive output rows {@code i} of a stride-1 convolution's unfolded matrix for
     * one (channel, window row {@code u}): for each window column {@code v < kernel}, writes {@code
     * x[xOffset + v·xStride + i·outWidth + j] = y[yOffset + i·width + j + v - pad]} for {@code j <
     * outWidth}, 0 where {@code j + v - pad} falls outside {@code [0, width)}. The kernels may also
     * write, with any value, up to {@code spillEnd} values from {@code xOffset + v·xStride} (values
     * the caller writes afterwards).
     */
    void unfoldWindowRows(int kernel, int pad, int width, int outWidth, int rows, float[] y, int yOffset, float[] x,
            int xOffset, int xStride, int spillEnd);

    /**
     * The converse of {@link #unfoldWindowRows}: for each row {@code i < rows} and window column
     * {@code v = 0 .. kernel - 1} in that order, {@code y[yOffset + i·width + j + v - pad] +=
     * x[xOffset + v·xStride + i·outWidth + j]} for {@code j < outWidth} where {@code j + v - pad}
     * falls inside {@code [0, width)}: each value of {@code y} receives its additions in increasing
     * {@code v}, as separate float additions. The kernels may rewrite, unchanged, the values up to
     * {@code spillEnd} from {@code yOffset}.
     */
    void foldAddWindowRows(int kernel, int pad, int width, int outWidth, int rows, float[] x, int xOffset,
            int xStride, float[] y, int yOffset, int spillEnd);

    /**
     * Whether {@link #convolve} reads its weights transposed, {@code [patch][filters]}, rather than
     * as the model stores them, {@code [filters][patch]}.
     */
    boolean convolvesTransposedWeights();

    /**
     * Filters {@code [first, end)} of a convolution of {@code filters}, straight from the input's
     * zero-padded copy {@code padded} ({@code C × (H + 2P) × (W + 2P)}): output plane {@code o}
     * from {@code outputOffset + o·H'·W'} gets, at each position, the bias {@code bias[biasOffset
     * + o]} plus the sum over the window's steps {@code k} ({@code c}, then {@code u}, then {@code
     * v}) of weight {@code (o, k)} times {@code padded[corner + steps[k]]}, {@code corner} being the
     * position's window's first value; the sums in the order and with the roundings of {@link
     * #multiplyAdd} on the unfolded input, so that both give the same bits. The weights are {@code
     * [patch][filters]} from 0 when {@link #convolvesTransposedWeights}, else {@code
     * [filters][patch]} from {@code weightOffset}; {@code scratch} holds {@link #convolutionScratch}
     * values an implementation may overwrite.
     */
    void convolve(ConvGeometry g, int[] steps, int filters, int first, int end, float[] padded, float[] weights,
            int weightOffset, float[] bias, int biasOffset, float[] output, int outputOffset, float[] scratch);

    /** The room {@link #convolve} needs in its {@code scratch} for any share of {@code filters} over {@code g}. */
    int convolutionScratch(ConvGeometry g, int filters);

    /**
     * Whether {@link #addWeightGradientAlongRows} takes a convolution of {@code filters} over {@code
     * g}; when it does not, {@link DirectConvolution#addWeightGradient} unfolds each sample and
     * multiplies.
     */
    boolean sumsWeightGradientAlongRows(ConvGeometry g, int filters);

    /**
     * The room {@link #addWeightGradientAlongRows} needs in its {@code sums} for up to {@code samples}
     * samples of a convolution it takes.
     */
    int weightGradientSums(ConvGeometry g, int filters, int samples);

    /**
     * A convolution's weight gradient over {@code samples} samples, for a geometry that {@link
     * #sumsWeightGradientAlongRows} takes: adds to value {@code (o, k)} of {@code weightGradient}
     * ({@code [filters][patch]} from {@code weightGradientOffset}) the sum over the samples and the
     * output positions of the output gradient of filter {@code o} there times {@code padded[corner +
     * steps[k]]}, {@code corner} being the position's window's first value. Sample {@code s}'s
     * zero-padded input starts at {@code s·paddedSize} in {@code padded}, its output gradient ({@code
     * [filters][H'·W']}) at {@code outputGradientOffset + s·filters·H'·W'}. The sums are not the
     * unfolded multiply's, only equal to them up to rounding; {@code sums} holds {@link
     * #weightGradientSums} values the implementation may overwrite.
     */
    void addWeightGradientAlongRows(ConvGeometry g, int[] steps, int filters, int samples, float[] padded,
            int paddedSize, float[] outputGradient, int outputGradientOffset, float[] weightGradient,
            int weightGradientOffset, float[] sums);

    /**
     * The first step of {@link WinogradConvolution}: the input ({@code C × height × width} from {@code
     * inputOffset}) copied, channels last, inside the zero borders of {@code padded} (through {@code
     * dense}, {@code C·height·width} values an implementation may overwrite), as {@link
     * WinogradTiles} lays it out.
     */
    void winogradPad(WinogradTiles w, float[] input, int inputOffset, int height, int width, int pad, float[] dense,
            float[] padded);

    /**
     * The rest of {@link WinogradConvolution}, {@link WinogradTiles#BLOCK} tiles at a time: their 4x4
     * windows of {@code padded} transformed into {@code blockInput}; for filters {@code [first, end)}
     * and each point, the sum over the channels of the transformed input times the transformed
     * weights {@code u}, one fused multiply-add after another from 0, into {@code blockProducts};
     * then each tile's 2x2 outputs, plus the bias, into their planes of the output ({@code filters ×
     * H' × W'} from {@code outputOffset}). {@code scratch} holds {@code H'·W'·(end - first)} values
     * an implementation may overwrite.
     */
    void winogradConvolve(WinogradTiles w, int first, int end, float[] padded, float[] u, float[] bias,
            int biasOffset, float[] blockInput, float[] blockProducts, float[] scratch, float[] output,
            int outputOffset);

    /**
     * {@link #winogradConvolve} with each tile's 2x2 outputs going into a 2x2 max pooling moving by
     * 2 instead of the output (the output's sides even, so that the pooling's windows are the tiles):
     * filter {@code f}'s maximum of tile {@code t} to {@code pooled[pooledOffset + f·tiles + t]}, NaN
     * if one of the four is NaN, as {@link #maxPool} takes it. {@code scratch} holds {@code
     * H'·W'·(end - first)} values an implementation may overwrite, and so is {@code blockInput}
     * once a block's products are made.
     */
    void winogradConvolvePooled(WinogradTiles w, int first, int end, float[] padded, float[] u, float[] bias,
            int biasOffset, float[] blockInput, float[] blockProducts, float[] scratch, float[] pooled,
            int pooledOffset);

    /**
     * {@link WinogradWeightGradient}'s work for one sample: the transforms of every tile's 4x4 window
     * of {@code padded} ({@code Bᵀ d B}, into {@code v[(ξ·tiles + t)·C + c]}) and of every tile's 2x2
     * values of the output gradient ({@code filters × H' × W'} from {@code outputGradientOffset}, 0
     * past its sides; {@code A dY Aᵀ}, into {@code m[(ξ·tiles + t)·filters + f]}), then {@code
     * z[(ξ·C + c)·filters + f] += Σ_t v[(ξ·tiles + t)·C + c] · m[(ξ·tiles + t)·filters + f]}, one
     * fused multiply-add after another in tile order. {@code dense} holds {@code H'·W'·filters}
     * values an implementation may overwrite.
     */
    void winogradWeightProducts(WinogradTiles w, float[] padded, float[] outputGradient, int outputGradientOffset,
            float[] dense, float[] v, float[] m, float[] z);

    /**
     * Max pooling of {@code planes} planes of {@code planeSize} values into {@code outputs} values
     * each: output {@code o} of plane {@code c} is the largest of {@code x[xOffset + c·planeSize +
     * corners[o] + offsets[w]]} over {@code w} (the first largest in that order, NaN if one is NaN),
     * and {@code argmax} gets that index. {@code corners} holds the corners of {@link
     * MaxPooling#GROUP} planes, from the first plane's start; {@code offsets[0]} is 0. {@code pool}
     * is the shape those describe, for an implementation with a faster path for some shapes.
     */
    void maxPool(MaxPooling pool, int planes, int planeSize, int outputs, int[] corners, int[] offsets, float[] x,
            int xOffset, float[] y, int yOffset, int[] argmax, int argmaxOffset);

    /**
     * {@code dx[argmax[argmaxOffset + k]] += dy[dyOffset + k]} for {@code k < count}, only where
     * {@code y[dyOffset + k] > 0} when {@code y} is not null; {@code distinct} says that no index
     * repeats (windows that do not overlap), so that a vector of them can be added at once.
     */
    void maxPoolBackward(int count, boolean distinct, float[] dy, int dyOffset, float[] y, int[] argmax,
            int argmaxOffset, float[] dx);

    /**
     * Sets the {@code planes} planes of {@code dx} from {@code dxOffset} ({@link MaxPooling#height()}
     * × {@link MaxPooling#width()} each) to 0, then adds each output's gradient as {@link
     * #maxPoolBackward} does; {@code argmax} holds the indices {@code pool}'s forward pass wrote for
     * an input laid out as {@code dx}. This one clears, then adds; an implementation may write each
     * value once instead, with the same result.
     */
    default void maxPoolBackwardInto(MaxPooling pool, int planes, float[] dy, int dyOffset, float[] y,
            int[] argmax, int argmaxOffset, float[] dx, int dxOffset) {
        java.util.Arrays.fill(dx, dxOffset, dxOffset + planes * pool.height() * pool.width(), 0f);
        maxPoolBackward(planes * pool.outputHeight() * pool.outputWidth(), pool.stride() >= pool.window(), dy,
                dyOffset, y, argmax, argmaxOffset, dx);
    }
}
