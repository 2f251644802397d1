package dev.filtre.kernels;

/**
 * The shape of a square-kernel convolution's input and window: {@code channels × height × width}
 * input, {@code kernel × kernel} window moving by {@code stride}, {@code pad} zeros on each side.
 * The output is {@code outputHeight() × outputWidth()}, rounded down when the window does not land
 * exactly on the far edge (the input it never reaches is ignored).
 *
 * @param channels input channels {@code C}
 * @param height input rows {@code H}
 * @param width input columns {@code W}
 * @param kernel side of the window {@code K}
 * @param stride step of the window {@code S}
 * @param pad zeros on each side {@code P}
 */
public record ConvGeometry(int channels, int height, int width, int kernel, int stride, int pad) {
    /**
     * @throws IllegalArgumentException when a size is not positive, the pad negative, or the window
     *     larger than the padded input
     */
    public ConvGeometry {
        if (channels < 1 || height < 1 || width < 1 || kernel < 1 || stride < 1 || pad < 0) {
            throw new IllegalArgumentException("convolution geometry " + this
                    + ": channels, height, width, kernel and stride must be positive and pad at least 0");
        }
        if (kernel > height + 2 * pad || kernel > width + 2 * pad) {
            throw new IllegalArgumentException("convolution geometry " + this + ": a " + kernel + "x" + kernel
                    + " window does not fit a padded input of " + (height + 2 * pad) + "x" + (width + 2 * pad));
        }
    }

    /** Output rows: {@code (H + 2P - K) / S + 1}, rounded down. */
    public int outputHeight() {
        return (height + 2 * pad - kernel) / stride + 1;
    }

    /** Output columns: {@code (W + 2P - K) / S + 1}, rounded down. */
    public int outputWidth() {
        return (width + 2 * pad - kernel) / stride + 1;
    }

    /** Values of one input: {@code C·H·W}. */
    public int inputSize() {
        return channels * height * width;
    }

    /** Values one window covers, the rows of the unfolded matrix: {@code C·K·K}. */
    public int patch() {
        return channels * kernel * kernel;
    }

    /** Output positions, the columns of the unfolded matrix: {@code H'·W'}. */
    public int pixels() {
        return outputHeight() * outputWidth();
    }

    /** Size of the unfolded matrix {@link Im2col} writes: {@code patch() · pixels()}. */
    public int columnsSize() {
        return patch() * pixels();
    }

    /** The first output column whose window's column {@code v} lands inside the input. */
    int firstInside(int v) {
        int before = pad - v;
        return before <= 0 ? 0 : Math.min(outputWidth(), (before + stride - 1) / stride);
    }

    /** One past the last output column whose window's column {@code v} lands inside the input. */
    int endInside(int v) {
        int last = Math.floorDiv(width - 1 + pad - v, stride);
        return Math.max(firstInside(v), Math.min(outputWidth(), last + 1));
    }
}
