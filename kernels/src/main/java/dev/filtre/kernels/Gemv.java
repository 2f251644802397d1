package dev.filtre.kernels;

/**
 * Matrix-vector products and the rank-one update, the three steps of a dense layer {@code y = W x +
 * b} for one sample: forward {@link #multiplyAdd}, input gradient {@link #multiplyTransposedAdd},
 * weight gradient {@link #rankOneUpdate}; and {@link #addRowSums}, a bias gradient. Matrices are
 * row-major {@code float[]} regions from an offset; every method adds to its result and allocates
 * nothing.
 */
public final class Gemv {
    private Gemv() {}

    /**
     * {@code y[m] += A[m×n] · x[n]}.
     *
     * @throws IllegalArgumentException when a dimension is negative or an operand does not fit its
     *     array from its offset
     */
    public static void multiplyAdd(int m, int n, float[] a, int aOffset, float[] x, int xOffset, float[] y,
            int yOffset) {
        check("multiplyAdd", m, n, a, aOffset, x, xOffset, "x [n]", n, y, yOffset, "y [m]", m);
        Kernels.SELECTED.multiplyVectorAdd(m, n, a, aOffset, x, xOffset, y, yOffset);
    }

    /**
     * {@code y[n] += Aᵀ · x[m]}, with {@code A} stored {@code [m×n]}.
     *
     * @throws IllegalArgumentException when a dimension is negative or an operand does not fit its
     *     array from its offset
     */
    public static void multiplyTransposedAdd(int m, int n, float[] a, int aOffset, float[] x, int xOffset,
            float[] y, int yOffset) {
        check("multiplyTransposedAdd", m, n, a, aOffset, x, xOffset, "x [m]", m, y, yOffset, "y [n]", n);
        Kernels.SELECTED.multiplyTransposedVectorAdd(m, n, a, aOffset, x, xOffset, y, yOffset);
    }

    /**
     * {@code A[m×n] += x[m] · yᵀ}: row {@code i} of {@code A} gains {@code x[i]} times {@code y}.
     *
     * @throws IllegalArgumentException when a dimension is negative or an operand does not fit its
     *     array from its offset
     */
    public static void rankOneUpdate(int m, int n, float[] x, int xOffset, float[] y, int yOffset, float[] a,
            int aOffset) {
        check("rankOneUpdate", m, n, a, aOffset, x, xOffset, "x [m]", m, y, yOffset, "y [n]", n);
        Kernels.SELECTED.rankOneUpdate(m, n, x, xOffset, y, yOffset, a, aOffset);
    }

    /**
     * {@code y[i] += Σⱼ A[i][j]}: adds each row's sum of {@code A[m×n]} to {@code y[m]} (a layer's
     * bias gradient from its output gradient, one row per filter).
     *
     * @throws IllegalArgumentException when a dimension is negative or an operand does not fit its
     *     array from its offset
     */
    public static void addRowSums(int m, int n, float[] a, int aOffset, float[] y, int yOffset) {
        Regions.dimensions("addRowSums", m, n);
        Regions.region("addRowSums", "a [m×n]", a, aOffset, (long) m * n);
        Regions.region("addRowSums", "y [m]", y, yOffset, m);
        Kernels.SELECTED.addRowSums(m, n, a, aOffset, y, yOffset);
    }

    private static void check(String operation, int m, int n, float[] a, int aOffset, float[] x, int xOffset,
            String xName, int xLength, float[] y, int yOffset, String yName, int yLength) {
        Regions.dimensions(operation, m, n);
        Regions.region(operation, "a [m×n]", a, aOffset, (long) m * n);
        Regions.region(operation, xName, x, xOffset, xLength);
        Regions.region(operation, yName, y, yOffset, yLength);
    }
}
