package dev.filtre.kernels;

/**
 * The primitives in plain Java, for a JVM without the Vector API. Every innermost loop has the
 * shape {@code y[j] += s * x[j]} or is a dot product with four partial sums, which C2 unrolls and
 * (for the first) vectorizes.
 */
final class PlainKernels implements KernelSet {
    @Override
    public String name() {
        return "plain";
    }

    @Override
    public void multiplyAdd(int m, int k, int n, float[] a, int aOffset, int aRowStride, int aColumnStride,
            float[] b, int bOffset, float[] c, int cOffset) {
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * n;
            int aRow = aOffset + i * aRowStride;
            for (int p = 0; p < k; p++) {
                axpy(a[aRow + p * aColumnStride], b, bOffset + p * n, c, cRow, n);
            }
        }
    }

    @Override
    public void multiplyAddTransposedB(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset,
            float[] c, int cOffset) {
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * n;
            for (int j = 0; j < n; j++) {
                c[cRow + j] += dot(a, aOffset + i * k, b, bOffset + j * k, k);
            }
        }
    }

    /** Plain Java has no lane reductions to avoid: the dot products are as fast as a transposition. */
    @Override
    public void multiplyAddTransposedB(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset,
            float[] c, int cOffset, float[] scratch, int scratchOffset) {
        multiplyAddTransposedB(m, k, n, a, aOffset, b, bOffset, c, cOffset);
    }

    @Override
    public void multiplyVectorAdd(int m, int n, float[] a, int aOffset, float[] x, int xOffset, float[] y,
            int yOffset) {
        for (int i = 0; i < m; i++) {
            y[yOffset + i] += dot(a, aOffset + i * n, x, xOffset, n);
        }
    }

    @Override
    public void multiplyTransposedVectorAdd(int m, int n, float[] a, int aOffset, float[] x, int xOffset,
            float[] y, int yOffset) {
        for (int i = 0; i < m; i++) {
            axpy(x[xOffset + i], a, aOffset + i * n, y, yOffset, n);
        }
    }

    @Override
    public void rankOneUpdate(int m, int n, float[] x, int xOffset, float[] y, int yOffset, float[] a,
            int aOffset) {
        for (int i = 0; i < m; i++) {
            axpy(x[xOffset + i], y, yOffset, a, aOffset + i * n, n);
        }
    }

    /** {@code y[yOffset + j] += s * x[xOffset + j]} for {@code j < n}. */
    private static void axpy(float s, float[] x, int xOffset, float[] y, int yOffset, int n) {
        for (int j = 0; j < n; j++) {
            y[yOffset + j] += s * x[xOffset + j];
        }
    }

    /** A dot product in four interleaved partial sums, so that the additions overlap. */
    private static float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            s0 += x[xOffset + j] * y[yOffset + j];
            s1 += x[xOffset + j + 1] * y[yOffset + j + 1];
            s2 += x[xOffset + j + 2] * y[yOffset + j + 2];
            s3 += x[xOffset + j + 3] * y[yOffset + j + 3];
        }
        for (; j < n; j++) {
            s0 += x[xOffset + j] * y[yOffset + j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
