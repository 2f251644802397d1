package dev.filtre.kernels;

/**
 * {@link WinogradWeightGradient}'s kernel in plain Java, value by value, and the vector kernel's
 * tails (channels and filters past its last whole block): the same transforms and fused
 * multiply-adds as {@link VectorWinogradWeights}, in the same order.
 */
final class PlainWinogradWeights {
    private PlainWinogradWeights() {}

    /** See {@link KernelSet#winogradWeightProducts}: the output gradient read in its planes. */
    static void products(WinogradTiles w, float[] padded, float[] outputGradient, int outputGradientOffset,
            float[] v, float[] m, float[] z) {
        int channels = w.channels();
        int filters = w.filters();
        int tiles = w.tiles();
        int outWidth = w.outputWidth();
        int pixels = w.outputHeight() * outWidth;
        int row = w.paddedWidth() * channels;
        for (int t = 0; t < tiles; t++) {
            int i = t / w.tilesX();
            int j = t % w.tilesX();
            int corner = (2 * i * w.paddedWidth() + 2 * j) * channels;
            for (int c = 0; c < channels; c++) {
                PlainWinograd.inputTile(padded, corner + c, row, channels, v, t * channels + c, tiles * channels);
            }
            for (int f = 0; f < filters; f++) {
                gradientTile(outputGradient, outputGradientOffset + f * pixels + 2 * i * outWidth + 2 * j, 1,
                        outWidth, m, t * filters + f, tiles * filters, 2 * j + 1 < outWidth,
                        2 * i + 1 < w.outputHeight());
            }
        }
        for (int point = 0; point < WinogradTiles.POINTS; point++) {
            sums(tiles, v, point * tiles * channels, channels, m, point * tiles * filters, filters, z,
                    point * channels * filters, 0, channels, 0, filters);
        }
    }

    /**
     * {@code z[z0 + c·filters + f] += Σ_t v[v0 + t·channels + c] · m[m0 + t·filters + f]} for channels
     * {@code [fromChannel, toChannel)} and filters {@code [fromFilter, toFilter)}, one fused
     * multiply-add after another in tile order, as the vector kernel adds each lane.
     */
    static void sums(int tiles, float[] v, int v0, int channels, float[] m, int m0, int filters, float[] z, int z0,
            int fromChannel, int toChannel, int fromFilter, int toFilter) {
        for (int c = fromChannel; c < toChannel; c++) {
            for (int f = fromFilter; f < toFilter; f++) {
                float sum = z[z0 + c * filters + f];
                for (int t = 0; t < tiles; t++) {
                    sum = Math.fma(v[v0 + t * channels + c], m[m0 + t * filters + f], sum);
                }
                z[z0 + c * filters + f] = sum;
            }
        }
    }

    /**
     * One filter of a tile of the output gradient: {@code A dY Aᵀ} of its 2x2 values {@code dy[at]},
     * {@code dy[at + step]}, {@code dy[at + row]}, {@code dy[at + row + step]} (0 for the second
     * column unless {@code secondColumn}, for the second row unless {@code secondRow}), {@code A}
     * taking {@code (y0, y1)} to {@code (y0, y0 + y1, y0 - y1, -y1)} down the columns, then along the
     * rows; value {@code ξ = 4r + s} to {@code m[to + ξ·pointStride]}.
     */
    static void gradientTile(float[] dy, int at, int step, int row, float[] m, int to, int pointStride,
            boolean secondColumn, boolean secondRow) {
        float a = dy[at];
        float b = secondColumn ? dy[at + step] : 0f;
        float c = secondRow ? dy[at + row] : 0f;
        float d = secondColumn && secondRow ? dy[at + row + step] : 0f;
        gradientRow(a, b, m, to, pointStride);
        gradientRow(a + c, b + d, m, to + 4 * pointStride, pointStride);
        gradientRow(a - c, b - d, m, to + 8 * pointStride, pointStride);
        gradientRow(-c, -d, m, to + 12 * pointStride, pointStride);
    }

    private static void gradientRow(float p, float q, float[] m, int to, int pointStride) {
        m[to] = p;
        m[to + pointStride] = p + q;
        m[to + 2 * pointStride] = p - q;
        m[to + 3 * pointStride] = -q;
    }
}
