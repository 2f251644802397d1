package dev.filtre.runtime.image;

import java.util.Arrays;

/**
 * Correlates one float plane with one kernel, in one of two ways: directly (every kernel
 * value times every pixel under it) or, for a {@linkplain Kernel#separate() separable}
 * kernel, with its column then its row. Both compute the same "valid" correlation; the
 * {@link BorderMode}s are built on top of it by {@link BorderHandler}.
 */
final class PlaneCorrelator {
    final int kernelRows;
    final int kernelColumns;
    final int anchorRow;
    final int anchorColumn;
    /** The kernel's values (weight / divisor), row by row, for the direct path and borders. */
    final double[] values;
    /** The sum of {@link #values}, for {@link BorderMode#PARTIAL}. */
    final double sum;
    private final float[] direct;
    private final float[] column;
    private final float[] row;

    private PlaneCorrelator(Kernel kernel, Kernel.Separation separation) {
        this.kernelRows = kernel.rows();
        this.kernelColumns = kernel.columns();
        this.anchorRow = kernel.anchorRow();
        this.anchorColumn = kernel.anchorColumn();
        this.values = kernel.values();
        this.sum = kernel.sum();
        this.direct = toFloats(values);
        this.column = separation == null ? null : toFloats(separation.column().values());
        this.row = separation == null ? null : toFloats(separation.row().values());
    }

    /** A correlator that takes the separable path when the kernel allows it and it pays off. */
    static PlaneCorrelator automatic(Kernel kernel) {
        boolean pays = kernel.rows() > 1 && kernel.columns() > 1
                && kernel.rows() + kernel.columns() < nonZero(kernel.values());
        return new PlaneCorrelator(kernel, pays ? kernel.separate().orElse(null) : null);
    }

    /** A correlator that multiplies by every kernel value. */
    static PlaneCorrelator direct(Kernel kernel) {
        return new PlaneCorrelator(kernel, null);
    }

    /**
     * A correlator that filters with the kernel's column then its row.
     *
     * @throws IllegalArgumentException if the kernel is not separable
     */
    static PlaneCorrelator separable(Kernel kernel) {
        return new PlaneCorrelator(kernel, kernel.separate().orElseThrow(() ->
                new IllegalArgumentException("kernel " + kernel + " is not separable")));
    }

    boolean isSeparable() {
        return column != null;
    }

    /** Whether the kernel fits in an image of this size at least once. */
    boolean fits(int height, int width) {
        return height >= kernelRows && width >= kernelColumns;
    }

    /**
     * The correlation at every pixel of {@code in} ({@code height x width}) where the kernel
     * fits: {@code (height - rows + 1) x (width - columns + 1)} values, row by row; the output
     * pixel {@code (y, x)} lies over input pixel {@code (y + anchorRow, x + anchorColumn)}.
     */
    float[] valid(float[] in, int height, int width) {
        return column == null ? validDirect(in, height, width) : validSeparable(in, height, width);
    }

    private float[] validDirect(float[] in, int height, int width) {
        int outHeight = height - kernelRows + 1;
        int outWidth = width - kernelColumns + 1;
        float[] out = new float[outHeight * outWidth];
        for (int y = 0; y < outHeight; y++) {
            int outBase = y * outWidth;
            for (int i = 0; i < kernelRows; i++) {
                for (int j = 0; j < kernelColumns; j++) {
                    float k = direct[i * kernelColumns + j];
                    if (k != 0) {
                        int inBase = (y + i) * width + j;
                        for (int x = 0; x < outWidth; x++) {
                            out[outBase + x] += k * in[inBase + x];
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Row by row: the column kernel down {@code rows} input rows into one buffer row, then the
     * row kernel along that buffer. The buffer stays in the first-level cache, so the image is
     * read once per kernel row and written once, with no full-size intermediate image.
     */
    private float[] validSeparable(float[] in, int height, int width) {
        int outHeight = height - kernelRows + 1;
        int outWidth = width - kernelColumns + 1;
        float[] out = new float[outHeight * outWidth];
        float[] down = new float[width];
        for (int y = 0; y < outHeight; y++) {
            Arrays.fill(down, 0);
            for (int i = 0; i < kernelRows; i++) {
                float k = column[i];
                int inBase = (y + i) * width;
                for (int x = 0; x < width; x++) {
                    down[x] += k * in[inBase + x];
                }
            }
            int outBase = y * outWidth;
            for (int j = 0; j < kernelColumns; j++) {
                float k = row[j];
                for (int x = 0; x < outWidth; x++) {
                    out[outBase + x] += k * down[x + j];
                }
            }
        }
        return out;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static int nonZero(double[] values) {
        int count = 0;
        for (double value : values) {
            if (value != 0) {
                count++;
            }
        }
        return count;
    }
}
