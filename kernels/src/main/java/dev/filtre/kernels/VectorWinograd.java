package dev.filtre.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WinogradConvolution}'s vector kernels: the input's and the output's transforms with
 * vectors along the channels and the filters (the input is channels last, so a tile's sixteen
 * values of sixteen channels are sixteen loads), and the sixteen products with vectors along the
 * filters, seven tiles by two vectors of filters a block (fourteen accumulators fed by two weight
 * loads and seven broadcasts a channel, the block of {@code VectorConvolution}). Channels and
 * filters past the last whole vector go value by value.
 */
final class VectorWinograd {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int BLOCK = 7;

    private VectorWinograd() {}

    /** See {@link KernelSet#winogradInput}. */
    static void input(WinogradTiles w, float[] input, int inputOffset, int height, int width, int pad,
            float[] dense, float[] padded, float[] v) {
        int channels = w.channels();
        VectorTranspose.copy(channels, height * width, input, inputOffset, dense, 0);
        for (int y = 0; y < height; y++) {
            System.arraycopy(dense, y * width * channels, padded, ((y + pad) * w.paddedWidth() + pad) * channels,
                    width * channels);
        }
        int tiles = w.tiles();
        int row = w.paddedWidth() * channels;
        int vectorEnd = channels - channels % LANES;
        for (int i = 0; i < w.tilesY(); i++) {
            for (int j = 0; j < w.tilesX(); j++) {
                int t = i * w.tilesX() + j;
                int corner = (2 * i * w.paddedWidth() + 2 * j) * channels;
                for (int c = 0; c < vectorEnd; c += LANES) {
                    inputTile(padded, corner + c, row, channels, v, t * channels + c, tiles * channels);
                }
                for (int c = vectorEnd; c < channels; c++) {
                    PlainWinograd.inputTile(padded, corner + c, row, channels, v, t * channels + c,
                            tiles * channels);
                }
            }
        }
    }

    /**
     * One vector of channels of a tile: {@code Bᵀ d B} of the 4x4 values {@code d[r][s] = padded[at
     * + r·row + s·step]}, value {@code ξ = 4r + s} to {@code v[to + ξ·pointStride]}; {@code Bᵀ} takes
     * {@code (d0, d1, d2, d3)} to {@code (d0 - d2, d1 + d2, d2 - d1, d1 - d3)}, down the columns, then
     * along the rows.
     */
    private static void inputTile(float[] padded, int at, int row, int step, float[] v, int to, int pointStride) {
        FloatVector d00 = FloatVector.fromArray(SPECIES, padded, at);
        FloatVector d10 = FloatVector.fromArray(SPECIES, padded, at + row);
        FloatVector d20 = FloatVector.fromArray(SPECIES, padded, at + 2 * row);
        FloatVector d30 = FloatVector.fromArray(SPECIES, padded, at + 3 * row);
        FloatVector t00 = d00.sub(d20);
        FloatVector t10 = d10.add(d20);
        FloatVector t20 = d20.sub(d10);
        FloatVector t30 = d10.sub(d30);
        FloatVector d01 = FloatVector.fromArray(SPECIES, padded, at + 1 * step);
        FloatVector d11 = FloatVector.fromArray(SPECIES, padded, at + row + 1 * step);
        FloatVector d21 = FloatVector.fromArray(SPECIES, padded, at + 2 * row + 1 * step);
        FloatVector d31 = FloatVector.fromArray(SPECIES, padded, at + 3 * row + 1 * step);
        FloatVector t01 = d01.sub(d21);
        FloatVector t11 = d11.add(d21);
        FloatVector t21 = d21.sub(d11);
        FloatVector t31 = d11.sub(d31);
        FloatVector d02 = FloatVector.fromArray(SPECIES, padded, at + 2 * step);
        FloatVector d12 = FloatVector.fromArray(SPECIES, padded, at + row + 2 * step);
        FloatVector d22 = FloatVector.fromArray(SPECIES, padded, at + 2 * row + 2 * step);
        FloatVector d32 = FloatVector.fromArray(SPECIES, padded, at + 3 * row + 2 * step);
        FloatVector t02 = d02.sub(d22);
        FloatVector t12 = d12.add(d22);
        FloatVector t22 = d22.sub(d12);
        FloatVector t32 = d12.sub(d32);
        FloatVector d03 = FloatVector.fromArray(SPECIES, padded, at + 3 * step);
        FloatVector d13 = FloatVector.fromArray(SPECIES, padded, at + row + 3 * step);
        FloatVector d23 = FloatVector.fromArray(SPECIES, padded, at + 2 * row + 3 * step);
        FloatVector d33 = FloatVector.fromArray(SPECIES, padded, at + 3 * row + 3 * step);
        FloatVector t03 = d03.sub(d23);
        FloatVector t13 = d13.add(d23);
        FloatVector t23 = d23.sub(d13);
        FloatVector t33 = d13.sub(d33);
        t00.sub(t02).intoArray(v, to);
        t01.add(t02).intoArray(v, to + pointStride);
        t02.sub(t01).intoArray(v, to + 2 * pointStride);
        t01.sub(t03).intoArray(v, to + 3 * pointStride);
        t10.sub(t12).intoArray(v, to + 4 * pointStride);
        t11.add(t12).intoArray(v, to + 5 * pointStride);
        t12.sub(t11).intoArray(v, to + 6 * pointStride);
        t11.sub(t13).intoArray(v, to + 7 * pointStride);
        t20.sub(t22).intoArray(v, to + 8 * pointStride);
        t21.add(t22).intoArray(v, to + 9 * pointStride);
        t22.sub(t21).intoArray(v, to + 10 * pointStride);
        t21.sub(t23).intoArray(v, to + 11 * pointStride);
        t30.sub(t32).intoArray(v, to + 12 * pointStride);
        t31.add(t32).intoArray(v, to + 13 * pointStride);
        t32.sub(t31).intoArray(v, to + 14 * pointStride);
        t31.sub(t33).intoArray(v, to + 15 * pointStride);
    }

    /** See {@link KernelSet#winogradMultiply}. */
    static void multiply(WinogradTiles w, int first, int end, float[] v, float[] u, float[] m) {
        int tiles = w.tiles();
        int channels = w.channels();
        int filters = w.filters();
        int share = end - first;
        for (int point = 0; point < WinogradTiles.POINTS; point++) {
            int vPoint = point * tiles * channels;
            int uPoint = point * channels * filters;
            int mPoint = point * tiles * share;
            int f = first;
            for (; f + 2 * LANES <= end; f += 2 * LANES) {
                int t = 0;
                for (; t + BLOCK <= tiles; t += BLOCK) {
                    sevenByTwo(channels, v, vPoint + t * channels, u, uPoint + f, filters, m,
                            mPoint + t * share + f - first, share);
                }
                for (; t < tiles; t++) {
                    oneByTwo(channels, v, vPoint + t * channels, u, uPoint + f, filters, m,
                            mPoint + t * share + f - first);
                }
            }
            for (; f + LANES <= end; f += LANES) {
                for (int t = 0; t < tiles; t++) {
                    oneByOne(channels, v, vPoint + t * channels, u, uPoint + f, filters, m,
                            mPoint + t * share + f - first);
                }
            }
            for (; f < end; f++) {
                for (int t = 0; t < tiles; t++) {
                    m[mPoint + t * share + f - first] = PlainWinograd.dot(channels, v, vPoint + t * channels, u,
                            uPoint + f, filters);
                }
            }
        }
    }

    /**
     * Seven tiles from {@code x} (their channels {@code channels} apart) by two vectors of filters
     * from {@code y} (a channel's {@code filters} apart), into {@code m} from {@code to}, tiles {@code
     * share} apart.
     */
    private static void sevenByTwo(int channels, float[] x, int x0, float[] y, int y0, int filters, float[] m,
            int to, int share) {
        FloatVector s00 = FloatVector.zero(SPECIES);
        FloatVector s01 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        FloatVector s40 = s00;
        FloatVector s41 = s00;
        FloatVector s50 = s00;
        FloatVector s51 = s00;
        FloatVector s60 = s00;
        FloatVector s61 = s00;
        for (int c = 0, p = y0; c < channels; c++, p += filters) {
            FloatVector w0 = FloatVector.fromArray(SPECIES, y, p);
            FloatVector w1 = FloatVector.fromArray(SPECIES, y, p + LANES);
            int q = x0 + c;
            FloatVector b = FloatVector.broadcast(SPECIES, x[q]);
            s00 = w0.fma(b, s00);
            s01 = w1.fma(b, s01);
            b = FloatVector.broadcast(SPECIES, x[q + channels]);
            s10 = w0.fma(b, s10);
            s11 = w1.fma(b, s11);
            b = FloatVector.broadcast(SPECIES, x[q + 2 * channels]);
            s20 = w0.fma(b, s20);
            s21 = w1.fma(b, s21);
            b = FloatVector.broadcast(SPECIES, x[q + 3 * channels]);
            s30 = w0.fma(b, s30);
            s31 = w1.fma(b, s31);
            b = FloatVector.broadcast(SPECIES, x[q + 4 * channels]);
            s40 = w0.fma(b, s40);
            s41 = w1.fma(b, s41);
            b = FloatVector.broadcast(SPECIES, x[q + 5 * channels]);
            s50 = w0.fma(b, s50);
            s51 = w1.fma(b, s51);
            b = FloatVector.broadcast(SPECIES, x[q + 6 * channels]);
            s60 = w0.fma(b, s60);
            s61 = w1.fma(b, s61);
        }
        s00.intoArray(m, to);
        s01.intoArray(m, to + LANES);
        s10.intoArray(m, to + share);
        s11.intoArray(m, to + share + LANES);
        s20.intoArray(m, to + 2 * share);
        s21.intoArray(m, to + 2 * share + LANES);
        s30.intoArray(m, to + 3 * share);
        s31.intoArray(m, to + 3 * share + LANES);
        s40.intoArray(m, to + 4 * share);
        s41.intoArray(m, to + 4 * share + LANES);
        s50.intoArray(m, to + 5 * share);
        s51.intoArray(m, to + 5 * share + LANES);
        s60.intoArray(m, to + 6 * share);
        s61.intoArray(m, to + 6 * share + LANES);
    }

    /** {@link #sevenByTwo} for one tile. */
    private static void oneByTwo(int channels, float[] x, int x0, float[] y, int y0, int filters, float[] m,
            int to) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        for (int c = 0, p = y0; c < channels; c++, p += filters) {
            FloatVector b = FloatVector.broadcast(SPECIES, x[x0 + c]);
            s0 = FloatVector.fromArray(SPECIES, y, p).fma(b, s0);
            s1 = FloatVector.fromArray(SPECIES, y, p + LANES).fma(b, s1);
        }
        s0.intoArray(m, to);
        s1.intoArray(m, to + LANES);
    }

    /** {@link #sevenByTwo} for one tile and one vector of filters. */
    private static void oneByOne(int channels, float[] x, int x0, float[] y, int y0, int filters, float[] m,
            int to) {
        FloatVector s = FloatVector.zero(SPECIES);
        for (int c = 0, p = y0; c < channels; c++, p += filters) {
            s = FloatVector.fromArray(SPECIES, y, p).fma(FloatVector.broadcast(SPECIES, x[x0 + c]), s);
        }
        s.intoArray(m, to);
    }

    /** See {@link KernelSet#winogradOutput}. */
    static void output(WinogradTiles w, int first, int end, float[] m, float[] bias, int biasOffset,
            float[] scratch, float[] output, int outputOffset) {
        int share = end - first;
        int tiles = w.tiles();
        int pointStride = tiles * share;
        int outWidth = w.outputWidth();
        int vectorEnd = share - share % LANES;
        for (int i = 0; i < w.tilesY(); i++) {
            for (int j = 0; j < w.tilesX(); j++) {
                int t = i * w.tilesX() + j;
                boolean secondRow = 2 * i + 1 < w.outputHeight();
                boolean secondColumn = 2 * j + 1 < outWidth;
                int at = ((2 * i) * outWidth + 2 * j) * share;
                for (int f = 0; f < vectorEnd; f += LANES) {
                    outputTile(m, t * share + f, pointStride,
                            FloatVector.fromArray(SPECIES, bias, biasOffset + first + f), scratch, at + f, share,
                            outWidth * share, secondColumn, secondRow);
                }
                for (int f = vectorEnd; f < share; f++) {
                    PlainWinograd.outputTile(m, t * share + f, pointStride, bias[biasOffset + first + f], scratch,
                            at + f, share, outWidth * share, secondColumn, secondRow);
                }
            }
        }
        VectorTranspose.copy(w.outputHeight() * outWidth, share, scratch, 0, output,
                outputOffset + first * w.outputHeight() * outWidth);
    }

    /**
     * One vector of filters of a tile: {@code Aᵀ M A} of the 4x4 values {@code m[at + ξ·pointStride]}
     * plus the bias ({@code Aᵀ} takes {@code (m0, m1, m2, m3)} to {@code (m0 + m1 + m2, m1 - m2 -
     * m3)}, down the columns, then along the rows), the 2x2 outputs to {@code out[to]}, {@code out[to
     * + step]}, {@code out[to + row]} and {@code out[to + row + step]}, the second column only when
     * {@code secondColumn}, the second row only when {@code secondRow}.
     */
    private static void outputTile(float[] m, int at, int pointStride, FloatVector bias, float[] out, int to,
            int step, int row, boolean secondColumn, boolean secondRow) {
        FloatVector m00 = FloatVector.fromArray(SPECIES, m, at);
        FloatVector m10 = FloatVector.fromArray(SPECIES, m, at + 4 * pointStride);
        FloatVector m20 = FloatVector.fromArray(SPECIES, m, at + 8 * pointStride);
        FloatVector m30 = FloatVector.fromArray(SPECIES, m, at + 12 * pointStride);
        FloatVector p00 = m00.add(m10).add(m20);
        FloatVector p10 = m10.sub(m20).sub(m30);
        FloatVector m01 = FloatVector.fromArray(SPECIES, m, at + pointStride);
        FloatVector m11 = FloatVector.fromArray(SPECIES, m, at + 5 * pointStride);
        FloatVector m21 = FloatVector.fromArray(SPECIES, m, at + 9 * pointStride);
        FloatVector m31 = FloatVector.fromArray(SPECIES, m, at + 13 * pointStride);
        FloatVector p01 = m01.add(m11).add(m21);
        FloatVector p11 = m11.sub(m21).sub(m31);
        FloatVector m02 = FloatVector.fromArray(SPECIES, m, at + 2 * pointStride);
        FloatVector m12 = FloatVector.fromArray(SPECIES, m, at + 6 * pointStride);
        FloatVector m22 = FloatVector.fromArray(SPECIES, m, at + 10 * pointStride);
        FloatVector m32 = FloatVector.fromArray(SPECIES, m, at + 14 * pointStride);
        FloatVector p02 = m02.add(m12).add(m22);
        FloatVector p12 = m12.sub(m22).sub(m32);
        FloatVector m03 = FloatVector.fromArray(SPECIES, m, at + 3 * pointStride);
        FloatVector m13 = FloatVector.fromArray(SPECIES, m, at + 7 * pointStride);
        FloatVector m23 = FloatVector.fromArray(SPECIES, m, at + 11 * pointStride);
        FloatVector m33 = FloatVector.fromArray(SPECIES, m, at + 15 * pointStride);
        FloatVector p03 = m03.add(m13).add(m23);
        FloatVector p13 = m13.sub(m23).sub(m33);
        bias.add(p00.add(p01).add(p02)).intoArray(out, to);
        if (secondColumn) {
            bias.add(p01.sub(p02).sub(p03)).intoArray(out, to + step);
        }
        if (secondRow) {
            bias.add(p10.add(p11).add(p12)).intoArray(out, to + row);
            if (secondColumn) {
                bias.add(p11.sub(p12).sub(p13)).intoArray(out, to + row + step);
            }
        }
    }
}
