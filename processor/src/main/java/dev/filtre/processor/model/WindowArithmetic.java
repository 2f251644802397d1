package dev.filtre.processor.model;

/**
 * The arithmetic of a window (a convolution filter or a pooling window) sliding over one side of
 * an input: output size {@code (W - F + 2P) / S + 1}, as in the lecture and cs231n.
 */
public final class WindowArithmetic {
    private WindowArithmetic() {}

    /** The padded input side minus the window: {@code W - F + 2P}; negative when it does not fit. */
    public static int span(int input, int window, int pad) {
        return input - window + 2 * pad;
    }

    /** True when the window fits the padded input and the steps land exactly on its last column. */
    public static boolean isWhole(int input, int window, int stride, int pad) {
        int span = span(input, window, pad);
        return span >= 0 && span % stride == 0;
    }

    /** The output side, dropping a last partial step: {@code floor((W - F + 2P) / S) + 1}. */
    public static int outputSize(int input, int window, int stride, int pad) {
        return Math.floorDiv(span(input, window, pad), stride) + 1;
    }

    /** The exact quotient {@code (W - F + 2P) / S + 1}, possibly fractional, for messages. */
    public static double exactOutputSize(int input, int window, int stride, int pad) {
        return (double) span(input, window, pad) / stride + 1;
    }
}
