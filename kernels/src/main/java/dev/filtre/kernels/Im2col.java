package dev.filtre.kernels;

/**
 * Unfolds a convolution's input into a matrix, so that the convolution becomes one matrix multiply
 * ({@link Sgemm}), and folds that matrix's gradient back.
 *
 * <p>The unfolded matrix {@code col} has {@link ConvGeometry#patch()} rows, one per (channel {@code
 * c}, window row {@code u}, window column {@code v}) in that order (the order of a PyTorch weight
 * {@code [F][C][K][K]}), and {@link ConvGeometry#pixels()} columns, one per output position {@code
 * (i, j)} row-major: {@code col[(c·K + u)·K + v][i·W' + j] = x[c][i·S + u - P][j·S + v - P]}, 0 in
 * the padding.
 *
 * <p>The forms with a {@code rowStride} place row {@code r} of the matrix at {@code columnsOffset +
 * r·rowStride}, so that several samples share one wider matrix: with {@code rowStride = S·H'·W'} and
 * sample {@code s} at {@code columnsOffset = s·H'·W'}, a chunk of {@code S} samples becomes one matrix
 * of {@code S·H'·W'} columns and one matrix multiply. The values between one sample's part of a row
 * and the next row are left as they are.
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
        check("unfold", g, input, inputOffset, "input", columns, columnsOffset, g == null ? 0 : g.pixels());
        unfoldChecked(g, input, inputOffset, columns, columnsOffset, g.pixels());
    }

    /**
     * Writes the unfolded matrix of {@code input} (at {@code inputOffset}, {@code C×H×W}) as {@link
     * #unfold(ConvGeometry, float[], int, float[], int)} does, its row {@code r} ({@link
     * ConvGeometry#pixels()} values) at {@code columnsOffset + r·rowStride}; the {@code rowStride -
     * pixels()} values after each row are not written.
     *
     * @throws IllegalArgumentException when {@code rowStride} is less than {@link
     *     ConvGeometry#pixels()}, or the input or the matrix does not fit its array
     */
    public static void unfold(ConvGeometry g, float[] input, int inputOffset, float[] columns, int columnsOffset,
            int rowStride) {
        check("unfold", g, input, inputOffset, "input", columns, columnsOffset, rowStride);
        unfoldChecked(g, input, inputOffset, columns, columnsOffset, rowStride);
    }

    private static void unfoldChecked(ConvGeometry g, float[] input, int inputOffset, float[] columns,
            int columnsOffset, int rowStride) {
        if (g.stride() == 1 && g.outputWidth() == g.width()) {
            unfoldSameWidth(g, input, inputOffset, columns, columnsOffset, rowStride);
            return;
        }
        if (g.stride() == 1) {
            unfoldStrideOne(g, input, inputOffset, columns, columnsOffset, rowStride);
            return;
        }
        int outHeight = g.outputHeight();
        int outWidth = g.outputWidth();
        int kernel = g.kernel();
        int stride = g.stride();
        int row = columnsOffset;
        for (int c = 0; c < g.channels(); c++) {
            int plane = inputOffset + c * g.height() * g.width();
            for (int u = 0; u < kernel; u++) {
                for (int v = 0; v < kernel; v++, row += rowStride) {
                    int first = g.firstInside(v);
                    int end = g.endInside(v);
                    for (int i = 0; i < outHeight; i++) {
                        int to = row + i * outWidth;
                        int y = i * stride + u - g.pad();
                        if (y < 0 || y >= g.height()) {
                            zero(columns, to, outWidth);
                            continue;
                        }
                        zero(columns, to, first);
                        int from = plane + y * g.width() + v - g.pad();
                        if (stride == 1) {
                            System.arraycopy(input, from + first, columns, to + first, end - first);
                        } else {
                            for (int j = first; j < end; j++) {
                                columns[to + j] = input[from + j * stride];
                            }
                        }
                        zero(columns, to + end, outWidth - end);
                    }
                }
            }
        }
    }

    /**
     * Stride 1 with an output narrower than the input (LeNet's valid 5×5 on 14×14: runs of 10): for
     * each (channel, window row, output row), the selected kernels' {@link
     * KernelSet#unfoldWindowRows} writes the run of every window column from the one input row; the
     * output rows whose input row is padding are set to 0.
     */
    private static void unfoldStrideOne(ConvGeometry g, float[] input, int inputOffset, float[] columns,
            int columnsOffset, int rowStride) {
        int width = g.width();
        int height = g.height();
        int outHeight = g.outputHeight();
        int outWidth = g.outputWidth();
        int kernel = g.kernel();
        int pad = g.pad();
        KernelSet kernels = Kernels.SELECTED;
        int row = columnsOffset;
        for (int c = 0; c < g.channels(); c++) {
            int plane = inputOffset + c * height * width;
            for (int u = 0; u < kernel; u++, row += kernel * rowStride) {
                int top = Math.min(outHeight, Math.max(0, pad - u));
                int bottom = Math.max(top, Math.min(outHeight, height + pad - u));
                kernels.unfoldWindowRows(kernel, pad, width, outWidth, bottom - top, input,
                        plane + (top + u - pad) * width, columns, row + top * outWidth, rowStride,
                        (outHeight - top) * outWidth);
                for (int v = 0; v < kernel; v++) {
                    zero(columns, row + v * rowStride, top * outWidth);
                    zero(columns, row + v * rowStride + bottom * outWidth, (outHeight - bottom) * outWidth);
                }
            }
        }
    }

    /**
     * The converse of {@link #unfoldStrideOne}: for each (channel, window row, output row), the
     * selected kernels' {@link KernelSet#foldAddWindowRows} adds the runs of the window columns {@code
     * v = 0 .. K-1}, in that order, to the one input row they land on. Each input value thus still
     * receives its additions in increasing matrix row {@code (c·K + u)·K + v} (one output row per
     * window row lands on it), the same float sums as adding the matrix row after row.
     */
    private static void foldAddStrideOne(ConvGeometry g, float[] columns, int columnsOffset, int rowStride,
            float[] inputGradient, int gradientOffset) {
        int width = g.width();
        int height = g.height();
        int outHeight = g.outputHeight();
        int outWidth = g.outputWidth();
        int kernel = g.kernel();
        int pad = g.pad();
        KernelSet kernels = Kernels.SELECTED;
        int row = columnsOffset;
        for (int c = 0; c < g.channels(); c++) {
            int plane = gradientOffset + c * height * width;
            for (int u = 0; u < kernel; u++, row += kernel * rowStride) {
                int top = Math.min(outHeight, Math.max(0, pad - u));
                int bottom = Math.max(top, Math.min(outHeight, height + pad - u));
                int first = plane + (top + u - pad) * width;
                kernels.foldAddWindowRows(kernel, pad, width, outWidth, bottom - top, columns, row + top * outWidth,
                        rowStride, inputGradient, first, plane + height * width - first);
            }
        }
    }

    /**
     * Stride 1 with an output as wide as the input ({@code 2P = K - 1}, "same" padding): each row of
     * the unfolded matrix is the input plane shifted by {@code (u - P)·W + v - P}, so the rows that
     * fall inside the input are one contiguous copy; then the columns the shift wrapped around a row
     * edge ({@code P - v} on the left, {@code v - P} on the right) and the rows above and below the
     * input are set to 0.
     */
    private static void unfoldSameWidth(ConvGeometry g, float[] input, int inputOffset, float[] columns,
            int columnsOffset, int rowStride) {
        int width = g.width();
        int outHeight = g.outputHeight();
        int kernel = g.kernel();
        int pad = g.pad();
        int pixels = outHeight * width;
        int row = columnsOffset;
        for (int c = 0; c < g.channels(); c++) {
            int plane = inputOffset + c * g.height() * width;
            for (int u = 0; u < kernel; u++) {
                int top = Math.max(0, pad - u);
                int bottom = Math.min(outHeight, g.height() + pad - u);
                for (int v = 0; v < kernel; v++, row += rowStride) {
                    int left = Math.max(0, pad - v);
                    int right = Math.max(0, v - pad);
                    int shift = (u - pad) * width + v - pad;
                    int from = Math.min(pixels, top * width + left); // past the row when the input is shorter than the pad
                    int to = bottom * width - right;
                    zero(columns, row, from);
                    if (to > from) {
                        System.arraycopy(input, plane + shift + from, columns, row + from, to - from);
                    }
                    zero(columns, row + Math.max(from, to), pixels - Math.max(from, to));
                    zeroEdges(columns, row, top, bottom, width, left, right);
                }
            }
        }
    }

    /**
     * The converse of {@link #unfoldSameWidth}: each row of the matrix, its values at the left and
     * right padding set to 0 first (they would otherwise land on the neighbouring input row), is
     * added to the input plane shifted by {@code (u - P)·W + v - P} in one run, by the selected
     * kernels' {@link KernelSet#add} (C2 does not vectorize this loop itself: 2.4 against 6.6
     * Gvalue/s on FashionNet's conv2).
     */
    private static void foldAddSameWidth(ConvGeometry g, float[] columns, int columnsOffset, int rowStride,
            float[] inputGradient, int gradientOffset) {
        int width = g.width();
        int outHeight = g.outputHeight();
        int kernel = g.kernel();
        int pad = g.pad();
        int pixels = outHeight * width;
        int row = columnsOffset;
        for (int c = 0; c < g.channels(); c++) {
            int plane = gradientOffset + c * g.height() * width;
            for (int u = 0; u < kernel; u++) {
                int top = Math.max(0, pad - u);
                int bottom = Math.min(outHeight, g.height() + pad - u);
                for (int v = 0; v < kernel; v++, row += rowStride) {
                    int left = Math.max(0, pad - v);
                    int right = Math.max(0, v - pad);
                    zeroEdges(columns, row, top, bottom, width, left, right);
                    int from = top * width + left;
                    int to = bottom * width - right;
                    if (to > from) {
                        Kernels.SELECTED.add(to - from, columns, row + from, inputGradient,
                                plane + (u - pad) * width + v - pad + from);
                    }
                }
            }
        }
    }

    /**
     * Sets to 0 the first {@code left} and the last {@code right} of the {@code width} values of
     * each of the rows {@code top .. bottom - 1} of the image that starts at {@code row} (all of
     * them when the pad is wider than the input), and nothing outside these rows: one
     * strided loop per column, so that the one or two columns a small kernel's padding wraps cost
     * one store per row rather than a call per row and edge.
     */
    private static void zeroEdges(float[] values, int row, int top, int bottom, int width, int left, int right) {
        int end = row + bottom * width;
        for (int j = 0; j < Math.min(left, width); j++) {
            for (int at = row + top * width + j; at < end; at += width) {
                values[at] = 0f;
            }
        }
        for (int j = Math.max(0, width - right); j < width; j++) {
            for (int at = row + top * width + j; at < end; at += width) {
                values[at] = 0f;
            }
        }
    }

    /**
     * Sets {@code length} values from {@code from} to 0: a plain loop, cheaper than {@code
     * Arrays.fill}'s call for the few values of a row's edge.
     */
    private static void zero(float[] values, int from, int length) {
        for (int j = 0; j < length; j++) {
            values[from + j] = 0f;
        }
    }

    /**
     * Adds each value of an unfolded matrix's gradient ({@code columns} at {@code columnsOffset}) to
     * the input position it was read from, into {@code inputGradient} at {@code gradientOffset}
     * ({@code C×H×W}); padding positions are dropped. The caller zeroes the gradient first when it
     * should not accumulate.
     *
     * <p>The matrix is scratch: for a "same" stride-1 convolution its values at padding positions on
     * the left and right edges are set to 0, so that each row adds as one contiguous run.
     *
     * @throws IllegalArgumentException when the gradient or the matrix does not fit its array
     */
    public static void foldAdd(ConvGeometry g, float[] columns, int columnsOffset, float[] inputGradient,
            int gradientOffset) {
        check("foldAdd", g, inputGradient, gradientOffset, "inputGradient", columns, columnsOffset,
                g == null ? 0 : g.pixels());
        foldAddChecked(g, columns, columnsOffset, g.pixels(), inputGradient, gradientOffset);
    }

    /**
     * Adds each value of an unfolded matrix's gradient to the input position it was read from, as
     * {@link #foldAdd(ConvGeometry, float[], int, float[], int)} does, with row {@code r} of the
     * matrix ({@link ConvGeometry#pixels()} values) at {@code columnsOffset + r·rowStride}; the
     * values between rows are neither read nor written.
     *
     * @throws IllegalArgumentException when {@code rowStride} is less than {@link
     *     ConvGeometry#pixels()}, or the gradient or the matrix does not fit its array
     */
    public static void foldAdd(ConvGeometry g, float[] columns, int columnsOffset, int rowStride,
            float[] inputGradient, int inputOffset) {
        check("foldAdd", g, inputGradient, inputOffset, "inputGradient", columns, columnsOffset, rowStride);
        foldAddChecked(g, columns, columnsOffset, rowStride, inputGradient, inputOffset);
    }

    private static void foldAddChecked(ConvGeometry g, float[] columns, int columnsOffset, int rowStride,
            float[] inputGradient, int gradientOffset) {
        if (g.stride() == 1 && g.outputWidth() == g.width()) {
            foldAddSameWidth(g, columns, columnsOffset, rowStride, inputGradient, gradientOffset);
            return;
        }
        if (g.stride() == 1) {
            foldAddStrideOne(g, columns, columnsOffset, rowStride, inputGradient, gradientOffset);
            return;
        }
        int outHeight = g.outputHeight();
        int outWidth = g.outputWidth();
        int kernel = g.kernel();
        int stride = g.stride();
        int row = columnsOffset;
        for (int c = 0; c < g.channels(); c++) {
            int plane = gradientOffset + c * g.height() * g.width();
            for (int u = 0; u < kernel; u++) {
                for (int v = 0; v < kernel; v++, row += rowStride) {
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

    /**
     * Fails unless the image holds {@code C×H×W} values from its offset, {@code rowStride} is at
     * least {@link ConvGeometry#pixels()}, and the matrix's {@code patch()} rows, {@code rowStride}
     * apart, fit {@code columns} from its offset. Messages are built only on failure: the kernels
     * run in passes that must not allocate.
     */
    private static void check(String operation, ConvGeometry g, float[] image, int imageOffset, String imageName,
            float[] columns, int columnsOffset, int rowStride) {
        if (g == null) {
            throw new NullPointerException(operation + ": geometry is null");
        }
        if (image == null || imageOffset < 0 || (long) imageOffset + g.inputSize() > image.length) {
            throw Regions.outside(operation, imageName + " [" + g.channels() + "×" + g.height() + "×" + g.width() + "]",
                    image, imageOffset, g.inputSize());
        }
        int pixels = g.pixels();
        if (rowStride < pixels) {
            throw new IllegalArgumentException(operation + ": rowStride " + rowStride + " is less than the "
                    + pixels + " values of a row of the unfolded matrix (" + g.outputHeight() + "×"
                    + g.outputWidth() + " output pixels)");
        }
        long size = (long) (g.patch() - 1) * rowStride + pixels;
        if (columns == null || columnsOffset < 0 || columnsOffset + size > columns.length) {
            throw Regions.outside(operation, "columns [" + g.patch() + "×" + pixels
                    + (rowStride == pixels ? "]" : ", rows " + rowStride + " apart]"), columns, columnsOffset, size);
        }
    }
}
