package dev.filtre.kernels;

/**
 * The primitives in plain Java, for a JVM without the Vector API. Innermost loops run along
 * contiguous rows: {@code y[j] += s * x[j]}, in the matrix multiply four rows of {@code B} at once
 * ({@code c[j] += a0 b0[j] + a1 b1[j] + a2 b2[j] + a3 b3[j]}, a quarter of the loads and stores of
 * {@code C}), or dot products with eight partial sums. C2 unrolls them; it does not vectorize loops
 * that read one array and write another at run-time offsets, which caps this path near 2
 * multiply-adds a cycle.
 */
final class PlainKernels implements KernelSet {
    @Override
    public String name() {
        return "plain";
    }

    @Override
    public boolean convolvesTransposedWeights() {
        return false;
    }

    /** None: the weight gradient of a convolution is the unfolded input's multiply on this path, its bits. */
    @Override
    public boolean sumsWeightGradientAlongRows(ConvGeometry g, int filters) {
        return false;
    }

    @Override
    public int weightGradientSums(ConvGeometry g, int filters, int samples) {
        throw new UnsupportedOperationException("the plain kernels unfold the input for a weight gradient");
    }

    @Override
    public void addWeightGradientAlongRows(ConvGeometry g, int[] steps, int filters, int samples, float[] padded,
            int paddedSize, float[] outputGradient, int outputGradientOffset, float[] weightGradient,
            int weightGradientOffset, float[] sums) {
        throw new UnsupportedOperationException("the plain kernels unfold the input for a weight gradient");
    }

    /** The fewest window values {@link #convolve} unfolds for rather than summing position by position. */
    private static final int UNFOLDED_MIN_STEPS = 16;

    /**
     * A window of {@link #UNFOLDED_MIN_STEPS} values or more: the share's windows read off the padded
     * input into {@code scratch} as the unfolded matrix ({@code [patch][H'·W']}), then {@link
     * #multiplyAdd} onto the bias, whose inner loop along the positions C2 runs in vectors. A shorter
     * one: each filter's plane position by position, its window's steps four at a time as {@link
     * #multiplyAdd} adds four rows of the unfolded input ({@code y += w0·x0 + w1·x1 + w2·x2 + w3·x3}
     * from the bias, then one at a time). Either way the unfolded pass's sums, so its bits. Position
     * by position, LeNet-5 (25 and 150 values) trained at 1,808 images/s on one thread against 2,350
     * unfolded, one image in 323 µs against 202; FashionNet's conv1 (9 values) answered one image in
     * 1.52 ms against 2.07 unfolded.
     */
    @Override
    public void convolve(ConvGeometry g, int[] steps, int filters, int first, int end, float[] padded,
            float[] weights, int weightOffset, float[] bias, int biasOffset, float[] output, int outputOffset,
            float[] scratch) {
        if (steps.length < UNFOLDED_MIN_STEPS) {
            convolveByPositions(g, steps, first, end, padded, weights, weightOffset, bias, biasOffset, output,
                    outputOffset);
            return;
        }
        int patch = steps.length;
        int pixels = g.pixels();
        int outWidth = g.outputWidth();
        int rowStep = g.stride() * (g.width() + 2 * g.pad());
        for (int k = 0; k < patch; k++) {
            int row = k * pixels;
            for (int y = 0; y < g.outputHeight(); y++) {
                int from = y * rowStep + steps[k];
                int to = row + y * outWidth;
                for (int x = 0; x < outWidth; x++) {
                    scratch[to + x] = padded[from + x * g.stride()];
                }
            }
        }
        for (int o = first; o < end; o++) {
            java.util.Arrays.fill(output, outputOffset + o * pixels, outputOffset + (o + 1) * pixels,
                    bias[biasOffset + o]);
        }
        multiplyAdd(end - first, patch, pixels, weights, weightOffset + first * patch, patch, 1, scratch, 0, output,
                outputOffset + first * pixels);
    }

    /** {@link #convolve} for a short window: each filter's plane position by position. */
    private static void convolveByPositions(ConvGeometry g, int[] steps, int first, int end, float[] padded,
            float[] weights, int weightOffset, float[] bias, int biasOffset, float[] output, int outputOffset) {
        int patch = steps.length;
        int outWidth = g.outputWidth();
        int rowStep = g.stride() * (g.width() + 2 * g.pad());
        for (int o = first; o < end; o++) {
            int w = weightOffset + o * patch;
            int plane = outputOffset + o * g.pixels();
            for (int y = 0; y < g.outputHeight(); y++) {
                for (int x = 0; x < outWidth; x++) {
                    int corner = y * rowStep + x * g.stride();
                    float sum = bias[biasOffset + o];
                    int k = 0;
                    for (; k + 4 <= patch; k += 4) {
                        sum += weights[w + k] * padded[corner + steps[k]]
                                + weights[w + k + 1] * padded[corner + steps[k + 1]]
                                + weights[w + k + 2] * padded[corner + steps[k + 2]]
                                + weights[w + k + 3] * padded[corner + steps[k + 3]];
                    }
                    for (; k < patch; k++) {
                        sum += weights[w + k] * padded[corner + steps[k]];
                    }
                    output[plane + y * outWidth + x] = sum;
                }
            }
        }
    }

    /** The unfolded matrix of the input, {@code [patch][H'·W']}, for a window {@link #convolve} unfolds. */
    @Override
    public int convolutionScratch(ConvGeometry g, int filters) {
        return g.patch() < UNFOLDED_MIN_STEPS ? 0 : g.patch() * g.pixels();
    }

    @Override
    public void winogradPad(WinogradTiles w, float[] input, int inputOffset, int height, int width, int pad,
            float[] dense, float[] padded) {
        PlainWinograd.pad(w, input, inputOffset, height, width, pad, padded);
    }

    @Override
    public void winogradConvolve(WinogradTiles w, int first, int end, float[] padded, float[] u, float[] bias,
            int biasOffset, float[] blockInput, float[] blockProducts, float[] scratch, float[] output,
            int outputOffset) {
        PlainWinograd.convolve(w, first, end, padded, u, bias, biasOffset, blockInput, blockProducts, output,
                outputOffset);
    }

    @Override
    public void winogradConvolvePooled(WinogradTiles w, int first, int end, float[] padded, float[] u, float[] bias,
            int biasOffset, float[] blockInput, float[] blockProducts, float[] scratch, float[] pooled,
            int pooledOffset) {
        PlainWinograd.convolvePooled(w, first, end, padded, u, bias, biasOffset, blockInput, blockProducts, pooled,
                pooledOffset);
    }

    @Override
    public void winogradWeightProducts(WinogradTiles w, float[] padded, float[] outputGradient,
            int outputGradientOffset, float[] dense, float[] v, float[] m, float[] z) {
        PlainWinogradWeights.products(w, padded, outputGradient, outputGradientOffset, v, m, z);
    }

    @Override
    public void multiplyAdd(int m, int k, int n, float[] a, int aOffset, int aRowStride, int aColumnStride,
            float[] b, int bOffset, float[] c, int cOffset) {
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * n;
            int aRow = aOffset + i * aRowStride;
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                float a0 = a[aRow + p * aColumnStride];
                float a1 = a[aRow + (p + 1) * aColumnStride];
                float a2 = a[aRow + (p + 2) * aColumnStride];
                float a3 = a[aRow + (p + 3) * aColumnStride];
                int b0 = bOffset + p * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
            for (; p < k; p++) {
                axpy(a[aRow + p * aColumnStride], b, bOffset + p * n, c, cRow, n);
            }
        }
    }

    /**
     * Two rows of {@code A} by two rows of {@code B} at a time: four dot products sharing their
     * loads, one load per multiply-add instead of two (measured 15% faster than single dot products
     * on the long inner dimensions of a chunk's weight gradient); a last odd row or column takes
     * single dot products.
     */
    @Override
    public void multiplyAddTransposedB(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset,
            float[] c, int cOffset) {
        int i = 0;
        for (; i + 2 <= m; i += 2) {
            int a0 = aOffset + i * k;
            int c0 = cOffset + i * n;
            int j = 0;
            for (; j + 2 <= n; j += 2) {
                dotTwoByTwo(k, a, a0, b, bOffset + j * k, c, c0 + j, n);
            }
            if (j < n) {
                c[c0 + j] += dot(a, a0, b, bOffset + j * k, k);
                c[c0 + n + j] += dot(a, a0 + k, b, bOffset + j * k, k);
            }
        }
        if (i < m) {
            int cRow = cOffset + i * n;
            for (int j = 0; j < n; j++) {
                c[cRow + j] += dot(a, aOffset + i * k, b, bOffset + j * k, k);
            }
        }
    }

    /**
     * The dot products of rows {@code a0, a0 + k} with rows {@code b0, b0 + k}, added to {@code
     * c[c0]}, {@code c[c0 + 1]}, {@code c[c0 + n]}, {@code c[c0 + n + 1]}. One sum each: splitting
     * them further into even and odd indexes measured 20% slower.
     */
    private static void dotTwoByTwo(int k, float[] a, int a0, float[] b, int b0, float[] c, int c0, int n) {
        int a1 = a0 + k;
        int b1 = b0 + k;
        float s00 = 0f;
        float s01 = 0f;
        float s10 = 0f;
        float s11 = 0f;
        for (int p = 0; p < k; p++) {
            float x0 = a[a0 + p];
            float x1 = a[a1 + p];
            float y0 = b[b0 + p];
            float y1 = b[b1 + p];
            s00 += x0 * y0;
            s01 += x0 * y1;
            s10 += x1 * y0;
            s11 += x1 * y1;
        }
        c[c0] += s00;
        c[c0 + 1] += s01;
        c[c0 + n] += s10;
        c[c0 + n + 1] += s11;
    }

    /**
     * Transposes {@code B} and runs the row-sweeping multiply when {@code C} has rows long enough for
     * its inner loop to pay; short rows keep the dot products.
     */
    @Override
    public void multiplyAddTransposedB(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset,
            float[] c, int cOffset, float[] scratch, int scratchOffset) {
        if (n < 32) {
            multiplyAddTransposedB(m, k, n, a, aOffset, b, bOffset, c, cOffset);
            return;
        }
        Transpose.copy(n, k, b, bOffset, scratch, scratchOffset);
        multiplyAdd(m, k, n, a, aOffset, k, 1, scratch, scratchOffset, c, cOffset);
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
    public void addRowSums(int m, int n, float[] a, int aOffset, float[] y, int yOffset) {
        for (int i = 0; i < m; i++) {
            int row = aOffset + i * n;
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                s0 += a[row + j];
                s1 += a[row + j + 1];
                s2 += a[row + j + 2];
                s3 += a[row + j + 3];
            }
            for (; j < n; j++) {
                s0 += a[row + j];
            }
            y[yOffset + i] += (s0 + s1) + (s2 + s3);
        }
    }

    @Override
    public void rankOneUpdate(int m, int n, float[] x, int xOffset, float[] y, int yOffset, float[] a,
            int aOffset) {
        for (int i = 0; i < m; i++) {
            axpy(x[xOffset + i], y, yOffset, a, aOffset + i * n, n);
        }
    }

    @Override
    public void add(int n, float[] x, int xOffset, float[] y, int yOffset) {
        for (int j = 0; j < n; j++) {
            y[yOffset + j] += x[xOffset + j];
        }
    }

    /** {@code y[yOffset + j] += s * x[xOffset + j]} for {@code j < n}. */
    private static void axpy(float s, float[] x, int xOffset, float[] y, int yOffset, int n) {
        for (int j = 0; j < n; j++) {
            y[yOffset + j] += s * x[xOffset + j];
        }
    }

    /**
     * A dot product in eight interleaved partial sums, so that the multiply-adds (two a cycle, each
     * waiting four for its input) need not wait for one another.
     */
    private static float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        int j = 0;
        for (; j + 8 <= n; j += 8) {
            int a = xOffset + j;
            int b = yOffset + j;
            s0 += x[a] * y[b];
            s1 += x[a + 1] * y[b + 1];
            s2 += x[a + 2] * y[b + 2];
            s3 += x[a + 3] * y[b + 3];
            s4 += x[a + 4] * y[b + 4];
            s5 += x[a + 5] * y[b + 5];
            s6 += x[a + 6] * y[b + 6];
            s7 += x[a + 7] * y[b + 7];
        }
        for (; j < n; j++) {
            s0 += x[xOffset + j] * y[yOffset + j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public void adam(int from, int to, float[] p, float[] g, float[] m, float[] v, double rate, double correction1,
            double correction2, double beta1, double beta2, double epsilon) {
        adamRange(from, to, p, g, m, v, rate, correction1, correction2, beta1, beta2, epsilon);
    }

    /** {@link AdamStep#update} one parameter at a time (also the vector kernels' tail). */
    static void adamRange(int from, int to, float[] p, float[] g, float[] m, float[] v, double rate,
            double correction1, double correction2, double beta1, double beta2, double epsilon) {
        for (int i = from; i < to; i++) {
            double gradient = g[i];
            m[i] = (float) (beta1 * m[i] + (1 - beta1) * gradient);
            v[i] = (float) (beta2 * v[i] + (1 - beta2) * gradient * gradient);
            double step = rate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + epsilon);
            p[i] -= (float) step;
        }
    }

    @Override
    public void unfoldWindowRows(int kernel, int pad, int width, int outWidth, int rows, float[] y, int yOffset,
            float[] x, int xOffset, int xStride, int spillEnd) {
        unfoldWindowRows(kernel, pad, width, outWidth, rows, y, yOffset, x, xOffset, xStride);
    }

    @Override
    public void foldAddWindowRows(int kernel, int pad, int width, int outWidth, int rows, float[] x, int xOffset,
            int xStride, float[] y, int yOffset, int spillEnd) {
        foldAddWindowRows(kernel, pad, width, outWidth, rows, x, xOffset, xStride, y, yOffset);
    }

    /**
     * {@link KernelSet#unfoldWindowRows} without spill, a window column at a time: each run by
     * {@code System.arraycopy} (also the vector kernels' fallback).
     */
    static void unfoldWindowRows(int kernel, int pad, int width, int outWidth, int rows, float[] y, int yOffset,
            float[] x, int xOffset, int xStride) {
        for (int v = 0; v < kernel; v++) {
            int first = Math.min(outWidth, Math.max(0, pad - v));
            int end = Math.max(first, Math.min(outWidth, width + pad - v));
            for (int i = 0; i < rows; i++) {
                int to = xOffset + v * xStride + i * outWidth;
                for (int j = 0; j < first; j++) {
                    x[to + j] = 0f;
                }
                System.arraycopy(y, yOffset + i * width + v - pad + first, x, to + first, end - first);
                for (int j = end; j < outWidth; j++) {
                    x[to + j] = 0f;
                }
            }
        }
    }

    /**
     * {@link KernelSet#foldAddWindowRows} without spill, a window column at a time (each value of
     * {@code y} still gets its additions in increasing {@code v}: one row {@code i} lands on it);
     * also the vector kernels' fallback.
     */
    static void foldAddWindowRows(int kernel, int pad, int width, int outWidth, int rows, float[] x, int xOffset,
            int xStride, float[] y, int yOffset) {
        for (int v = 0; v < kernel; v++) {
            int first = Math.max(0, pad - v);
            int end = Math.min(outWidth, width + pad - v);
            for (int i = 0; i < rows; i++) {
                int from = xOffset + v * xStride + i * outWidth;
                int to = yOffset + i * width + v - pad;
                for (int j = first; j < end; j++) {
                    y[to + j] += x[from + j];
                }
            }
        }
    }

    @Override
    public void maxPool(MaxPooling pool, int planes, int planeSize, int outputs, int[] corners, int[] offsets,
            float[] x, int xOffset, float[] y, int yOffset, int[] argmax, int argmaxOffset) {
        for (int c = 0; c < planes; c++) {
            for (int o = 0; o < outputs; o++) {
                maxPoolWindow(o, offsets, corners, x, xOffset + c * planeSize, y, yOffset + c * outputs, argmax,
                        argmaxOffset + c * outputs);
            }
        }
    }

    /**
     * Output {@code o} of the planes from {@code base}, one window at a time: the strict {@code >}
     * keeps the first maximum's index, {@code Math.max} a NaN. Also the vector kernels' path for the
     * outputs their vectors leave.
     */
    static void maxPoolWindow(int o, int[] offsets, int[] corners, float[] x, int base, float[] y, int y0,
            int[] argmax, int a0) {
        int corner = base + corners[o];
        int best = corner;
        float max = x[corner];
        for (int w = 1; w < offsets.length; w++) {
            int index = corner + offsets[w];
            float value = x[index];
            best = value > max ? index : best;
            max = Math.max(max, value);
        }
        y[y0 + o] = max;
        argmax[a0 + o] = best;
    }

    @Override
    public void maxPoolBackward(int count, boolean distinct, float[] dy, int dyOffset, float[] y, int[] argmax,
            int argmaxOffset, float[] dx) {
        maxPoolBackward(0, count, dy, dyOffset, y, argmax, argmaxOffset, dx);
    }

    /**
     * {@link KernelSet#maxPoolBackward} of outputs {@code [from, count)}, one at a time; also the
     * vector kernels' path for the outputs their vectors leave.
     */
    static void maxPoolBackward(int from, int count, float[] dy, int dyOffset, float[] y, int[] argmax,
            int argmaxOffset, float[] dx) {
        for (int k = from; k < count; k++) {
            dx[argmax[argmaxOffset + k]] += y == null || y[dyOffset + k] > 0f ? dy[dyOffset + k] : 0f;
        }
    }
}
