package dev.filtre.kernels;

/**
 * Max pooling of planes over square windows, without padding: each output is the largest value of
 * its {@code window × window} region of the input plane, the window moving by {@code stride}, and the
 * index (in the input array) of the first largest value in the window's row-major order (a strict
 * {@code >}), which the backward pass routes the output's gradient to. A NaN in a window makes its
 * output NaN. The input's last rows or columns that no window reaches are not read.
 *
 * <p>The window corners of {@value #GROUP} planes are computed once, when the object is built, so
 * that the vector path gathers sixteen windows' values at a time across row and plane ends, with
 * compares and blends rather than branches (which real images mispredict: a max pooling written
 * with conditional expressions ran at 6 ns a window on Fashion-MNIST batches where C2 had compiled
 * branches, 2 to 3 ns on random values). 2×2 windows by 2 whose output rows fill more than half a
 * vector (LeNet-5's and FashionNet's first pooling, rows of 14) take a faster path there: each output
 * row from two vectors of each of its two input rows, split into even and odd lanes, the last row
 * as the vector that ends with the plane (0.9 ns a window on FashionNet's batches against 2.3 for
 * the gathers; 1.9 when the last row went window by window, whose branches random values
 * mispredict). Those that tile their planes with output rows of a third to half a vector
 * (FashionNet's second pooling, rows of 7) take two output rows a vector from whole-vector loads of
 * their four input rows (1.0 ns a window against 2.1 gathered), and with rows of a quarter to a
 * third (LeNet-5's, rows of 5) three rows from six (1.3 against 2.0), all but the last rows. An
 * instance holds no state that a pass changes: one can serve every thread.
 */
public final class MaxPooling {
    /** Planes whose window corners one map holds: their outputs fill whole vectors of up to 16 lanes. */
    static final int GROUP = 16;

    private final int height;
    private final int width;
    private final int window;
    private final int stride;
    private final int outputHeight;
    private final int outputWidth;
    /** The top-left input index of each output of {@link #GROUP} planes, from the first plane's start. */
    private final int[] corners;
    /** Each window value's index from its corner, row-major; the first is 0. */
    private final int[] offsets;

    /**
     * @param height input rows of a plane
     * @param width input columns of a plane
     * @param window side of the square window
     * @param stride step of the window
     * @throws IllegalArgumentException when a size is not positive or the window larger than the plane
     */
    public MaxPooling(int height, int width, int window, int stride) {
        if (height < 1 || width < 1 || window < 1 || stride < 1) {
            throw new IllegalArgumentException("max pooling of " + height + "x" + width + " planes, window " + window
                    + ", stride " + stride + ": sizes must be positive");
        }
        if (window > height || window > width) {
            throw new IllegalArgumentException("max pooling: a " + window + "x" + window
                    + " window does not fit a " + height + "x" + width + " plane");
        }
        this.height = height;
        this.width = width;
        this.window = window;
        this.stride = stride;
        this.outputHeight = (height - window) / stride + 1;
        this.outputWidth = (width - window) / stride + 1;
        this.offsets = new int[window * window];
        for (int u = 0; u < window; u++) {
            for (int v = 0; v < window; v++) {
                offsets[u * window + v] = u * width + v;
            }
        }
        this.corners = new int[GROUP * outputHeight * outputWidth];
        int o = 0;
        for (int plane = 0; plane < GROUP; plane++) {
            for (int i = 0; i < outputHeight; i++) {
                for (int j = 0; j < outputWidth; j++) {
                    corners[o++] = plane * height * width + i * stride * width + j * stride;
                }
            }
        }
    }

    /** Input rows of a plane. */
    public int height() {
        return height;
    }

    /** Input columns of a plane. */
    public int width() {
        return width;
    }

    /** Side of the square window. */
    public int window() {
        return window;
    }

    /** Step of the window. */
    public int stride() {
        return stride;
    }

    /** Output rows of a plane: {@code (height - window) / stride + 1}, rounded down. */
    public int outputHeight() {
        return outputHeight;
    }

    /** Output columns of a plane: {@code (width - window) / stride + 1}, rounded down. */
    public int outputWidth() {
        return outputWidth;
    }

    /**
     * Pools {@code planes} planes of {@code x} from {@code xOffset} into {@code y} from {@code
     * yOffset}, and writes the index in {@code x} that each output took to {@code argmax} from {@code
     * argmaxOffset}.
     *
     * @throws IllegalArgumentException when {@code planes} is negative or an array does not hold its
     *     region from its offset
     */
    public void forward(float[] x, int xOffset, int planes, float[] y, int yOffset, int[] argmax,
            int argmaxOffset) {
        if (planes < 0) {
            throw new IllegalArgumentException("max pooling: negative number of planes " + planes);
        }
        int planeSize = height * width;
        int outputs = outputHeight * outputWidth;
        long inputLength = (long) planes * planeSize;
        long outputLength = (long) planes * outputs;
        // the messages are built only on failure: a pass must not allocate
        if (x == null || xOffset < 0 || xOffset + inputLength > x.length) {
            throw Regions.outside("max pooling", "x [" + planes + "×" + height + "×" + width + "]", x, xOffset,
                    inputLength);
        }
        if (y == null || yOffset < 0 || yOffset + outputLength > y.length) {
            throw Regions.outside("max pooling", "y [" + planes + "×" + outputHeight + "×" + outputWidth + "]", y,
                    yOffset, outputLength);
        }
        Regions.indices("max pooling", "argmax", argmax, argmaxOffset, outputLength);
        Kernels.SELECTED.maxPool(this, planes, planeSize, outputs, corners, offsets, x, xOffset, y, yOffset, argmax,
                argmaxOffset);
    }

    /**
     * The backward pass of {@link #forward}: adds each of the {@code planes} planes' output
     * gradients {@code dy} (from {@code dyOffset}) to {@code dx} at the index in {@code argmax} (from
     * {@code argmaxOffset}) that the output took, summing where windows overlap. When {@code y} is
     * not null (the forward outputs, from {@code dyOffset} too: the pooling of a ReLU's output), only
     * the outputs that are positive pass their gradient, which is the ReLU's backward step. {@code dx}
     * is not cleared first.
     *
     * @throws IllegalArgumentException when {@code planes} is negative or an array does not hold its
     *     region from its offset
     * @throws ArrayIndexOutOfBoundsException when an index in {@code argmax} is outside {@code dx}
     */
    public void backward(int planes, float[] dy, int dyOffset, float[] y, int[] argmax, int argmaxOffset,
            float[] dx) {
        long outputLength = checkBackward(planes, dy, dyOffset, y, argmax, argmaxOffset);
        if (dx == null) {
            throw new NullPointerException("max pooling backward: dx is null");
        }
        Kernels.SELECTED.maxPoolBackward((int) outputLength, stride >= window, dy, dyOffset, y, argmax, argmaxOffset,
                dx);
    }

    /**
     * Sets the input gradient of {@code planes} planes, {@code dx} from {@code dxOffset}: 0
     * everywhere, then each output's gradient added at the index it took, as clearing the region and
     * calling {@link #backward} does (the same bits), for windows that overlap or not. {@code
     * argmax} must hold the indices {@link #forward} wrote for an input laid out as {@code dx}
     * ({@code xOffset} then was {@code dxOffset}). Where the windows tile the planes 2×2 by 2 with
     * output rows of more than half a vector, the vector kernels write each value once instead.
     *
     * @throws IllegalArgumentException when {@code planes} is negative or an array does not hold its
     *     region from its offset
     * @throws ArrayIndexOutOfBoundsException when an index in {@code argmax} is outside {@code dx}
     */
    public void backwardInto(int planes, float[] dy, int dyOffset, float[] y, int[] argmax, int argmaxOffset,
            float[] dx, int dxOffset) {
        checkBackward(planes, dy, dyOffset, y, argmax, argmaxOffset);
        long inputLength = (long) planes * height * width;
        if (dx == null || dxOffset < 0 || dxOffset + inputLength > dx.length) {
            throw Regions.outside("max pooling backward", "dx [" + planes + "×" + height + "×" + width + "]", dx,
                    dxOffset, inputLength);
        }
        Kernels.SELECTED.maxPoolBackwardInto(this, planes, dy, dyOffset, y, argmax, argmaxOffset, dx, dxOffset);
    }

    /**
     * Fails unless {@code planes} is at least 0 and {@code dy}, {@code y} (when given) and {@code
     * argmax} hold the planes' outputs from their offsets; returns the number of outputs.
     */
    private long checkBackward(int planes, float[] dy, int dyOffset, float[] y, int[] argmax, int argmaxOffset) {
        if (planes < 0) {
            throw new IllegalArgumentException("max pooling backward: negative number of planes " + planes);
        }
        long outputLength = (long) planes * outputHeight * outputWidth;
        if (dy == null || dyOffset < 0 || dyOffset + outputLength > dy.length) {
            throw Regions.outside("max pooling backward", "dy [" + planes + "×" + outputHeight + "×" + outputWidth
                    + "]", dy, dyOffset, outputLength);
        }
        if (y != null && dyOffset + outputLength > y.length) {
            throw Regions.outside("max pooling backward", "y [" + planes + "×" + outputHeight + "×" + outputWidth
                    + "]", y, dyOffset, outputLength);
        }
        Regions.indices("max pooling backward", "argmax", argmax, argmaxOffset, outputLength);
        return outputLength;
    }

    @Override
    public String toString() {
        return "MaxPooling[" + height + "x" + width + ", window " + window + ", stride " + stride + "]";
    }
}
