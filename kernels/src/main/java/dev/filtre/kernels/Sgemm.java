package dev.filtre.kernels;

/**
 * Single-precision matrix multiplies that add to their result, {@code C += A·B} and the two
 * transposed forms a convolution's backward pass needs, on row-major {@code float[]} regions that
 * start at an offset (rows packed, no padding). They allocate nothing; the implementation is the one
 * {@link Kernels} chose.
 *
 * <p>For a convolution unfolded by {@link Im2col} into {@code col[C·K·K][H'·W']}: forward is {@code
 * multiplyAdd(F, C·K·K, H'·W', W, col, Y)} on a {@code Y} holding the bias, the weight gradient
 * {@code multiplyAddTransposedB(F, H'·W', C·K·K, dY, col, dW)} and the unfolded input gradient
 * {@code multiplyAddTransposedA(C·K·K, F, H'·W', W, dY, dCol)}.
 */
public final class Sgemm {
    private Sgemm() {}

    /**
     * {@code C[m×n] += A[m×k] · B[k×n]}.
     *
     * @throws IllegalArgumentException when a dimension is negative or a matrix does not fit its
     *     array from its offset
     */
    public static void multiplyAdd(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset, float[] c,
            int cOffset) {
        check("multiplyAdd", m, k, n, a, aOffset, "a [m×k]", b, bOffset, "b [k×n]", c, cOffset);
        Kernels.SELECTED.multiplyAdd(m, k, n, a, aOffset, k, 1, b, bOffset, c, cOffset);
    }

    /**
     * {@code C[m×n] += Aᵀ · B[k×n]}, with {@code A} stored {@code [k×m]}.
     *
     * @throws IllegalArgumentException when a dimension is negative or a matrix does not fit its
     *     array from its offset
     */
    public static void multiplyAddTransposedA(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset,
            float[] c, int cOffset) {
        check("multiplyAddTransposedA", m, k, n, a, aOffset, "a [k×m]", b, bOffset, "b [k×n]", c, cOffset);
        Kernels.SELECTED.multiplyAdd(m, k, n, a, aOffset, 1, m, b, bOffset, c, cOffset);
    }

    /**
     * {@code C[m×n] += A[m×k] · Bᵀ}, with {@code B} stored {@code [n×k]}: each value of {@code C}
     * gains the dot product of a row of {@code A} and a row of {@code B}.
     *
     * @throws IllegalArgumentException when a dimension is negative or a matrix does not fit its
     *     array from its offset
     */
    public static void multiplyAddTransposedB(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset,
            float[] c, int cOffset) {
        check("multiplyAddTransposedB", m, k, n, a, aOffset, "a [m×k]", b, bOffset, "b [n×k]", c, cOffset);
        Kernels.SELECTED.multiplyAddTransposedB(m, k, n, a, aOffset, b, bOffset, c, cOffset);
    }

    /**
     * {@code C[m×n] += A[m×k] · Bᵀ} as {@link #multiplyAddTransposedB(int, int, int, float[], int,
     * float[], int, float[], int)}, with {@code k·n} values of {@code scratch} from {@code
     * scratchOffset} that the implementation may overwrite (the vector one transposes {@code B} there
     * when {@code C} is wide and {@code k} short next to {@code m}, which is up to twice as fast
     * as dot products there; for a long {@code k}, the weight gradient of a chunk of samples, it
     * transposes {@code A} there when {@code m} fills whole vectors and {@code m·(k + n)} values
     * fit, and multiplies {@code Cᵀ = B·Aᵀ}; otherwise it takes dot products and leaves the scratch).
     *
     * @throws IllegalArgumentException when a dimension is negative or a matrix or the scratch does
     *     not fit its array from its offset
     */
    public static void multiplyAddTransposedB(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset,
            float[] c, int cOffset, float[] scratch, int scratchOffset) {
        check("multiplyAddTransposedB", m, k, n, a, aOffset, "a [m×k]", b, bOffset, "b [n×k]", c, cOffset);
        Regions.region("multiplyAddTransposedB", "scratch [k·n]", scratch, scratchOffset, (long) k * n);
        Kernels.SELECTED.multiplyAddTransposedB(m, k, n, a, aOffset, b, bOffset, c, cOffset, scratch, scratchOffset);
    }

    private static void check(String operation, int m, int k, int n, float[] a, int aOffset, String aName,
            float[] b, int bOffset, String bName, float[] c, int cOffset) {
        Regions.dimensions(operation, m, k, n);
        Regions.region(operation, aName, a, aOffset, (long) m * k);
        Regions.region(operation, bName, b, bOffset, (long) k * n);
        Regions.region(operation, "c [m×n]", c, cOffset, (long) m * n);
    }
}
