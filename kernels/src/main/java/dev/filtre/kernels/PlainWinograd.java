package dev.filtre.kernels;

/**
 * {@link WinogradConvolution}'s kernels in plain Java, value by value, and the vector kernels'
 * tails (channels and filters past their last whole vector): the same transforms and sums as
 * {@link VectorWinograd}, in the same order.
 */
final class PlainWinograd {
    private PlainWinograd() {}

    /** See {@link KernelSet#winogradPad}. */
    static void pad(WinogradTiles w, float[] input, int inputOffset, int height, int width, int pad,
            float[] padded) {
        int channels = w.channels();
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    padded[((y + pad) * w.paddedWidth() + x + pad) * channels + c] =
                            input[inputOffset + (c * height + y) * width + x];
                }
            }
        }
    }

    /** See {@link KernelSet#winogradConvolve}: the outputs straight into their planes. */
    static void convolve(WinogradTiles w, int first, int end, float[] padded, float[] u, float[] bias,
            int biasOffset, float[] v, float[] m, float[] output, int outputOffset) {
        int share = end - first;
        int outWidth = w.outputWidth();
        int pixels = w.outputHeight() * outWidth;
        int block = WinogradTiles.BLOCK;
        for (int from = 0; from < w.tiles(); from += block) {
            int count = Math.min(block, w.tiles() - from);
            products(w, from, count, first, end, padded, u, v, m);
            for (int k = 0; k < count; k++) {
                int i = (from + k) / w.tilesX();
                int j = (from + k) % w.tilesX();
                for (int f = first; f < end; f++) {
                    outputTile(m, k * share + f - first, block * share, bias[biasOffset + f], output,
                            outputOffset + f * pixels + 2 * i * outWidth + 2 * j, 1, outWidth,
                            2 * j + 1 < outWidth, 2 * i + 1 < w.outputHeight());
                }
            }
        }
    }

    /** See {@link KernelSet#winogradConvolvePooled}: the maxima straight into their planes. */
    static void convolvePooled(WinogradTiles w, int first, int end, float[] padded, float[] u, float[] bias,
            int biasOffset, float[] v, float[] m, float[] pooled, int pooledOffset) {
        int share = end - first;
        int block = WinogradTiles.BLOCK;
        for (int from = 0; from < w.tiles(); from += block) {
            int count = Math.min(block, w.tiles() - from);
            products(w, from, count, first, end, padded, u, v, m);
            for (int k = 0; k < count; k++) {
                for (int f = first; f < end; f++) {
                    // the tile's four outputs through v, free once the block's products are made
                    outputTile(m, k * share + f - first, block * share, bias[biasOffset + f], v, 0, 1, 2, true, true);
                    pooled[pooledOffset + f * w.tiles() + from + k] = largest(v);
                }
            }
        }
    }

    /**
     * The transforms of tiles {@code [from, from + count)} into {@code v}, and their products with
     * the transformed weights {@code u}, summed over the channels, into {@code m}.
     */
    private static void products(WinogradTiles w, int from, int count, int first, int end, float[] padded,
            float[] u, float[] v, float[] m) {
        int channels = w.channels();
        int filters = w.filters();
        int share = end - first;
        int row = w.paddedWidth() * channels;
        int block = WinogradTiles.BLOCK;
        for (int k = 0; k < count; k++) {
            int t = from + k;
            int corner = (2 * (t / w.tilesX()) * w.paddedWidth() + 2 * (t % w.tilesX())) * channels;
            for (int c = 0; c < channels; c++) {
                inputTile(padded, corner + c, row, channels, v, k * channels + c, block * channels);
            }
        }
        // each product's sum along the filters' row, a channel at a time: the same fused
        // multiply-adds from 0 in channel order as a dot product, without its one chain's latency
        java.util.Arrays.fill(m, 0, WinogradTiles.POINTS * block * share, 0f);
        for (int point = 0; point < WinogradTiles.POINTS; point++) {
            for (int k = 0; k < count; k++) {
                int to = (point * block + k) * share - first;
                for (int c = 0; c < channels; c++) {
                    float x = v[(point * block + k) * channels + c];
                    int weights = (point * channels + c) * filters;
                    for (int f = first; f < end; f++) {
                        m[to + f] = Math.fma(x, u[weights + f], m[to + f]);
                    }
                }
            }
        }
    }

    /**
     * One channel of a tile: {@code Bᵀ d B} of the 4x4 values {@code d[r][s] = padded[at + r·row +
     * s·step]}, value {@code ξ = 4r + s} to {@code v[to + ξ·pointStride]}.
     */
    static void inputTile(float[] padded, int at, int row, int step, float[] v, int to, int pointStride) {
        float t00 = 0, t01 = 0, t02 = 0, t03 = 0;
        float t10 = 0, t11 = 0, t12 = 0, t13 = 0;
        float t20 = 0, t21 = 0, t22 = 0, t23 = 0;
        float t30 = 0, t31 = 0, t32 = 0, t33 = 0;
        for (int s = 0; s < 4; s++) {
            float d0 = padded[at + s * step];
            float d1 = padded[at + row + s * step];
            float d2 = padded[at + 2 * row + s * step];
            float d3 = padded[at + 3 * row + s * step];
            float a = d0 - d2;
            float b = d1 + d2;
            float c = d2 - d1;
            float d = d1 - d3;
            switch (s) {
                case 0 -> { t00 = a; t10 = b; t20 = c; t30 = d; }
                case 1 -> { t01 = a; t11 = b; t21 = c; t31 = d; }
                case 2 -> { t02 = a; t12 = b; t22 = c; t32 = d; }
                default -> { t03 = a; t13 = b; t23 = c; t33 = d; }
            }
        }
        rowTransform(t00, t01, t02, t03, v, to, pointStride);
        rowTransform(t10, t11, t12, t13, v, to + 4 * pointStride, pointStride);
        rowTransform(t20, t21, t22, t23, v, to + 8 * pointStride, pointStride);
        rowTransform(t30, t31, t32, t33, v, to + 12 * pointStride, pointStride);
    }

    private static void rowTransform(float t0, float t1, float t2, float t3, float[] v, int to, int pointStride) {
        v[to] = t0 - t2;
        v[to + pointStride] = t1 + t2;
        v[to + 2 * pointStride] = t2 - t1;
        v[to + 3 * pointStride] = t1 - t3;
    }

    /**
     * The sum over {@code c < channels} of {@code x[x0 + c]·y[y0 + c·yStride]}, one fused
     * multiply-add after another from 0, as the vector kernels add each lane.
     */
    static float dot(int channels, float[] x, int x0, float[] y, int y0, int yStride) {
        float sum = 0f;
        for (int c = 0; c < channels; c++) {
            sum = Math.fma(x[x0 + c], y[y0 + c * yStride], sum);
        }
        return sum;
    }

    /**
     * One filter of a tile: {@code Aᵀ M A} of the 4x4 values {@code m[at + ξ·pointStride]} plus the
     * bias, to {@code out[to]}, {@code out[to + step]}, {@code out[to + row]}, {@code out[to + row +
     * step]}, the second column only when {@code secondColumn}, the second row only when {@code
     * secondRow}.
     */
    static void outputTile(float[] m, int at, int pointStride, float bias, float[] out, int to, int step, int row,
            boolean secondColumn, boolean secondRow) {
        float p00 = 0, p01 = 0, p02 = 0, p03 = 0;
        float p10 = 0, p11 = 0, p12 = 0, p13 = 0;
        for (int s = 0; s < 4; s++) {
            float m0 = m[at + s * pointStride];
            float m1 = m[at + (4 + s) * pointStride];
            float m2 = m[at + (8 + s) * pointStride];
            float m3 = m[at + (12 + s) * pointStride];
            float top = m0 + m1 + m2;
            float bottom = m1 - m2 - m3;
            switch (s) {
                case 0 -> { p00 = top; p10 = bottom; }
                case 1 -> { p01 = top; p11 = bottom; }
                case 2 -> { p02 = top; p12 = bottom; }
                default -> { p03 = top; p13 = bottom; }
            }
        }
        out[to] = bias + (p00 + p01 + p02);
        if (secondColumn) {
            out[to + step] = bias + (p01 - p02 - p03);
        }
        if (secondRow) {
            out[to + row] = bias + (p10 + p11 + p12);
            if (secondColumn) {
                out[to + row + step] = bias + (p11 - p12 - p13);
            }
        }
    }

    /** The largest of {@code window[0..3]}, NaN if one is NaN, as the max pooling kernels take it. */
    static float largest(float[] window) {
        float max = window[0];
        for (int q = 1; q < 4; q++) {
            max = Math.max(max, window[q]);
        }
        return max;
    }
}
