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

    /** {@code A[m×n] += x[m] · yᵀ[n]}. */
    void rankOneUpdate(int m, int n, float[] x, int xOffset, float[] y, int yOffset, float[] a, int aOffset);
}
