package dev.filtre.kernels;

/**
 * {@link WinogradConvolution}'s kernels in plain Java, value by value, and the vector kernels'
 * tails (channels and filters past their last whole vector): the same transforms and sums as
 * {@link VectorWinograd}, in the same order.
 */
final class PlainWinograd {
    private PlainWinograd() {}

    /** See {@link KernelSet#winogradInput}. */
    static void input(WinogradTiles w, float[] input, int inputOffset, int height, int width, int pad,
            float[] padded, float[] v) {
        int channels = w.channels();
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    padded[((y + pad) * w.paddedWidth() + x + pad) * channels + c] =
                            input[inputOffset + (c * height + y) * width + x];
                }
            }
        }
        int tiles = w.tiles();
        int row = w.paddedWidth() * channels;
        for (int i = 0; i < w.tilesY(); i++) {
            for (int j = 0; j < w.tilesX(); j++) {
                int t = i * w.tilesX() + j;
                int corner = (2 * i * w.paddedWidth() + 2 * j) * channels;
                for (int c = 0; c < channels; c++) {
                    inputTile(padded, corner + c, row, channels, v, t * channels + c, tiles * channels);
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

    /** See {@link KernelSet#winogradMultiply}. */
    static void multiply(WinogradTiles w, int first, int end, float[] v, float[] u, float[] m) {
        int tiles = w.tiles();
        int channels = w.channels();
        int share = end - first;
        for (int point = 0; point < WinogradTiles.POINTS; point++) {
            for (int t = 0; t < tiles; t++) {
                for (int f = first; f < end; f++) {
                    m[(point * tiles + t) * share + f - first] = dot(channels, v, (point * tiles + t) * channels, u,
                            point * channels * w.filters() + f, w.filters());
                }
            }
        }
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

    /** See {@link KernelSet#winogradOutput}: straight into the output planes. */
    static void output(WinogradTiles w, int first, int end, float[] m, float[] bias, int biasOffset,
            float[] output, int outputOffset) {
        int share = end - first;
        int tiles = w.tiles();
        int outWidth = w.outputWidth();
        int pixels = w.outputHeight() * outWidth;
        for (int f = 0; f < share; f++) {
            int plane = outputOffset + (first + f) * pixels;
            for (int i = 0; i < w.tilesY(); i++) {
                for (int j = 0; j < w.tilesX(); j++) {
                    outputTile(m, (i * w.tilesX() + j) * share + f, tiles * share, bias[biasOffset + first + f],
                            output, plane + 2 * i * outWidth + 2 * j, 1, outWidth, 2 * j + 1 < outWidth,
                            2 * i + 1 < w.outputHeight());
                }
            }
        }
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
}
