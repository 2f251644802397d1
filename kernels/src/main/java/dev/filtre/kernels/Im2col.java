package dev.filtre.kernels;

import java.util.Arrays;

/**
 * Unfolds a convolution's input into a matrix, so that the convolution becomes one matrix multiply
 * ({@link Sgemm}), and folds that matrix's gradient back.
 *
 * <p>The unfolded matrix {@code col} has {@link ConvGeometry#patch()} rows, one per (channel {@code
 * c}, window row {@code u}, window column {@code v}) in that order (the order of a PyTorch weight
 * {@code [F][C][K][K]}), and {@link ConvGeometry#pixels()} columns, one per output position {@code
 * (i, j)} row-major: {@code col[(c·K + u)·K + v][i·W' + j] = x[c][i·S + u - P][j·S + v - P]}, 0 in
 * the padding.
 */
public final class Im2col {
    private Im2col() {}

    /**
     * Writes the whole unfolded matrix of {@code input} (at {@code inputOffset}, {@code C×H×W}) into
     * {@code columns} at {@code columnsOffset}, padding zeros included.
     *
     * @throws IllegalArgumentException when the input or the matrix does not fit its array
     */
    public static void unfold(ConvGeometry g, float[] input, int inputOffset, float[] columns, int columnsOffset) {
        check("unfold", g, input, inputOffset, "input", columns, columnsOffset);
        int outHeight = g.outputHeight();
        int outWidth = g.outputWidth();
        int kernel = g.kernel();
        int stride = g.stride();
        int row = columnsOffset;
        for (int c = 0; c < g.channels(); c++) {
            int plane = inputOffset + c * g.height() * g.width();
            for (int u = 0; u < kernel; u++) {
                for (int v = 0; v < kernel; v++, row += outHeight * outWidth) {
                    int first = g.firstInside(v);
                    int end = g.endInside(v);
                    for (int i = 0; i < outHeight; i++) {
                        int to = row + i * outWidth;
                        int y = i * stride + u - g.pad();
                        if (y < 0 || y >= g.height() || first == end) {
                            Arrays.fill(columns, to, to + outWidth, 0f);
                            continue;
                        }
                        Arrays.fill(columns, to, to + first, 0f);
                        int from = plane + y * g.width() + v - g.pad();
                        if (stride == 1) {
                            System.arraycopy(input, from + first, columns, to + first, end - first);
                        } else {
                            for (int j = first; j < end; j++) {
                                columns[to + j] = input[from + j * stride];
                            }
                        }
                        Arrays.fill(columns, to + end, to + outWidth, 0f);
                    }
                }
            }
        }
    }

    /**
     * Adds each value of an unfolded matrix's gradient ({@code columns} at {@code columnsOffset}) to
     * the input position it was read from, into {@code inputGradient} at {@code gradientOffset}
     * ({@code C×H×W}); padding positions are dropped. The caller zeroes the gradient first when it
     * should not accumulate.
     *
     * @throws IllegalArgumentException when the gradient or the matrix does not fit its array
     */
    public static void foldAdd(ConvGeometry g, float[] columns, int columnsOffset, float[] inputGradient,
            int gradientOffset) {
        check("foldAdd", g, inputGradient, gradientOffset, "inputGradient", columns, columnsOffset);
        int outHeight = g.outputHeight();
        int outWidth = g.outputWidth();
        int kernel = g.kernel();
        int stride = g.stride();
        int row = columnsOffset;
        for (int c = 0; c < g.channels(); c++) {
            int plane = gradientOffset + c * g.height() * g.width();
            for (int u = 0; u < kernel; u++) {
                for (int v = 0; v < kernel; v++, row += outHeight * outWidth) {
                    int first = g.firstInside(v);
                    int end = g.endInside(v);
                    for (int i = 0; i < outHeight; i++) {
                        int y = i * stride + u - g.pad();
                        if (y < 0 || y >= g.height()) {
                            continue;
                        }
                        int from = row + i * outWidth;
                        int to = plane + y * g.width() + v - g.pad();
                        if (stride == 1) {
                            for (int j = first; j < end; j++) {
                                inputGradient[to + j] += columns[from + j];
                            }
                        } else {
                            for (int j = first; j < end; j++) {
                                inputGradient[to + j * stride] += columns[from + j];
                            }
                        }
                    }
                }
            }
        }
    }

    private static void check(String operation, ConvGeometry g, float[] image, int imageOffset, String imageName,
            float[] columns, int columnsOffset) {
        if (g == null) {
            throw new NullPointerException(operation + ": geometry is null");
        }
        if (image == null || imageOffset < 0 || (long) imageOffset + g.inputSize() > image.length) {
            throw Regions.outside(operation, imageName + " [" + g.channels() + "×" + g.height() + "×" + g.width() + "]",
                    image, imageOffset, g.inputSize());
        }
        long size = (long) g.patch() * g.pixels();
        if (columns == null || columnsOffset < 0 || columnsOffset + size > columns.length) {
            throw Regions.outside(operation, "columns [" + g.patch() + "×" + g.pixels() + "]", columns, columnsOffset,
                    size);
        }
    }
}
