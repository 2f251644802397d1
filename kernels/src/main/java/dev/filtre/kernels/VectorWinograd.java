package dev.filtre.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WinogradConvolution}'s vector kernels, {@link WinogradTiles#BLOCK} tiles at a time (the
 * block's transformed input and products stay in the first-level cache: 14 KB each for FashionNet's
 * conv2 and half its filters): the input's and the output's transforms with vectors along the
 * channels and the filters (the input is channels last, so a tile's sixteen values of sixteen
 * channels are sixteen loads), and the sixteen products with vectors along the filters, the block's
 * seven tiles by two vectors of filters (fourteen accumulators fed by two weight loads and seven
 * broadcasts a channel, the block of {@code VectorConvolution}). Channels and filters past the
 * last whole vector go value by value.
 */
final class VectorWinograd {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorWinograd() {}

    /**
     * See {@link KernelSet#winogradPad}: sixteen channels of a pixel gathered at a time (their values
     * a plane apart) and stored as one vector of the padded input's position; channels past the last
     * whole vector, and planes whose length has no index map, go through the transposed copy in
     * {@code dense} (a transpose then a copy per row: 1 µs more for FashionNet's conv2).
     */
    static void pad(WinogradTiles w, float[] input, int inputOffset, int height, int width, int pad, float[] dense,
            float[] padded) {
        int channels = w.channels();
        int plane = height * width;
        int[] map = channels >= LANES ? VectorTranspose.mapOf(plane) : null;
        int gathered = map == null ? 0 : channels - channels % LANES;
        for (int c = 0; c < gathered; c += LANES) {
            for (int y = 0; y < height; y++) {
                int from = inputOffset + c * plane + y * width;
                int to = ((y + pad) * w.paddedWidth() + pad) * channels + c;
                for (int x = 0; x < width; x++, to += channels) {
                    FloatVector.fromArray(SPECIES, input, from + x, map, 0).intoArray(padded, to);
                }
            }
        }
        if (gathered < channels) {
            VectorTranspose.copy(channels, plane, input, inputOffset, dense, 0);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    System.arraycopy(dense, (y * width + x) * channels + gathered, padded,
                            ((y + pad) * w.paddedWidth() + x + pad) * channels + gathered, channels - gathered);
                }
            }
        }
    }

    /** See {@link KernelSet#winogradConvolve}. */
    static void convolve(WinogradTiles w, int first, int end, float[] padded, float[] u, float[] bias,
            int biasOffset, float[] blockInput, float[] blockProducts, float[] scratch, float[] output,
            int outputOffset) {
        int tiles = w.tiles();
        for (int t = 0; t < tiles; t += WinogradTiles.BLOCK) {
            int count = Math.min(WinogradTiles.BLOCK, tiles - t);
            inputTiles(w, t, count, padded, blockInput);
            multiply(w, count, first, end, blockInput, u, blockProducts);
            outputTiles(w, t, count, first, end, blockProducts, bias, biasOffset, scratch);
        }
        VectorTranspose.copy(w.outputHeight() * w.outputWidth(), end - first, scratch, 0, output,
                outputOffset + first * w.outputHeight() * w.outputWidth());
    }

    /**
     * See {@link KernelSet#winogradConvolvePooled}: each tile's maxima into {@code scratch},
     * channels last, transposed into the pooled planes at the end, as {@link #convolve} transposes
     * the outputs. Scattering each vector of maxima into its planes instead (16 planes apart) ran
     * boxed in some JVMs once other kernels had run (its index arithmetic: 37-82 KB a pass).
     */
    static void convolvePooled(WinogradTiles w, int first, int end, float[] padded, float[] u, float[] bias,
            int biasOffset, float[] blockInput, float[] blockProducts, float[] scratch, float[] pooled,
            int pooledOffset) {
        int tiles = w.tiles();
        for (int t = 0; t < tiles; t += WinogradTiles.BLOCK) {
            int count = Math.min(WinogradTiles.BLOCK, tiles - t);
            inputTiles(w, t, count, padded, blockInput);
            multiply(w, count, first, end, blockInput, u, blockProducts);
            pooledTiles(w, t, count, first, end, blockProducts, bias, biasOffset, blockInput, scratch);
        }
        VectorTranspose.copy(tiles, end - first, scratch, 0, pooled, pooledOffset + first * tiles);
    }

    /** The transforms of tiles {@code [from, from + count)}, all channels, into a block ({@link WinogradTiles}). */
    private static void inputTiles(WinogradTiles w, int from, int count, float[] padded, float[] v) {
        int channels = w.channels();
        int row = w.paddedWidth() * channels;
        int pointStride = WinogradTiles.BLOCK * channels;
        int vectorEnd = channels - channels % LANES;
        for (int k = 0; k < count; k++) {
            int t = from + k;
            int corner = (2 * (t / w.tilesX()) * w.paddedWidth() + 2 * (t % w.tilesX())) * channels;
            for (int c = 0; c < vectorEnd; c += LANES) {
                inputTile(padded, corner + c, row, channels, v, k * channels + c, pointStride);
            }
            for (int c = vectorEnd; c < channels; c++) {
                PlainWinograd.inputTile(padded, corner + c, row, channels, v, k * channels + c, pointStride);
            }
        }
    }

    /**
     * One vector of channels of a tile: {@code Bᵀ d B} of the 4x4 values {@code d[r][s] = padded[at
     * + r·row + s·step]}, value {@code ξ = 4r + s} to {@code v[to + ξ·pointStride]}; {@code Bᵀ} takes
     * {@code (d0, d1, d2, d3)} to {@code (d0 - d2, d1 + d2, d2 - d1, d1 - d3)}, down the columns into
     * {@code v}, then along the rows in place. Two loops of four loads, four operations and four
     * stores: the sixty-four Vector API calls written out in one method were more than C2 inlined
     * in a JVM that had compiled other kernels first, and the calls left out ran on boxed vectors.
     */
    static void inputTile(float[] padded, int at, int row, int step, float[] v, int to, int pointStride) {
        for (int s = 0; s < 4; s++) {
            int column = at + s * step;
            FloatVector d0 = FloatVector.fromArray(SPECIES, padded, column);
            FloatVector d1 = FloatVector.fromArray(SPECIES, padded, column + row);
            FloatVector d2 = FloatVector.fromArray(SPECIES, padded, column + 2 * row);
            FloatVector d3 = FloatVector.fromArray(SPECIES, padded, column + 3 * row);
            d0.sub(d2).intoArray(v, to + s * pointStride);
            d1.add(d2).intoArray(v, to + (4 + s) * pointStride);
            d2.sub(d1).intoArray(v, to + (8 + s) * pointStride);
            d1.sub(d3).intoArray(v, to + (12 + s) * pointStride);
        }
        for (int r = 0; r < 4; r++) {
            int base = to + 4 * r * pointStride;
            FloatVector t0 = FloatVector.fromArray(SPECIES, v, base);
            FloatVector t1 = FloatVector.fromArray(SPECIES, v, base + pointStride);
            FloatVector t2 = FloatVector.fromArray(SPECIES, v, base + 2 * pointStride);
            FloatVector t3 = FloatVector.fromArray(SPECIES, v, base + 3 * pointStride);
            t0.sub(t2).intoArray(v, base);
            t1.add(t2).intoArray(v, base + pointStride);
            t2.sub(t1).intoArray(v, base + 2 * pointStride);
            t1.sub(t3).intoArray(v, base + 3 * pointStride);
        }
    }

    /** The products of a block's {@code tiles} tiles, summed over the channels, for filters {@code [first, end)}. */
    private static void multiply(WinogradTiles w, int tiles, int first, int end, float[] v, float[] u, float[] m) {
        int channels = w.channels();
        int filters = w.filters();
        int share = end - first;
        for (int point = 0; point < WinogradTiles.POINTS; point++) {
            int vPoint = point * WinogradTiles.BLOCK * channels;
            int uPoint = point * channels * filters;
            int mPoint = point * WinogradTiles.BLOCK * share;
            int f = first;
            for (; f + 2 * LANES <= end; f += 2 * LANES) {
                int t = 0;
                for (; t + WinogradTiles.BLOCK <= tiles; t += WinogradTiles.BLOCK) {
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

    /**
     * The 2x2 outputs of a block's {@code count} tiles from {@code from}, filters {@code [first, end)},
     * into the scratch, {@code [positions][end - first]}.
     */
    private static void outputTiles(WinogradTiles w, int from, int count, int first, int end, float[] m,
            float[] bias, int biasOffset, float[] scratch) {
        int share = end - first;
        int pointStride = WinogradTiles.BLOCK * share;
        int outWidth = w.outputWidth();
        int vectorEnd = share - share % LANES;
        for (int k = 0; k < count; k++) {
            int i = (from + k) / w.tilesX();
            int j = (from + k) % w.tilesX();
            boolean secondRow = 2 * i + 1 < w.outputHeight();
            boolean secondColumn = 2 * j + 1 < outWidth;
            int at = (2 * i * outWidth + 2 * j) * share;
            for (int f = 0; f < vectorEnd; f += LANES) {
                outputTile(m, k * share + f, pointStride, bias, biasOffset + first + f, scratch, at + f, share,
                        outWidth * share, secondColumn, secondRow);
            }
            for (int f = vectorEnd; f < share; f++) {
                PlainWinograd.outputTile(m, k * share + f, pointStride, bias[biasOffset + first + f], scratch, at + f,
                        share, outWidth * share, secondColumn, secondRow);
            }
        }
    }

    /**
     * One vector of filters of a tile: {@code Aᵀ M A} of the 4x4 values {@code m[at + ξ·pointStride]}
     * plus the bias (from {@code biases[b]}); {@code Aᵀ} takes {@code (m0, m1, m2, m3)} to {@code (m0
     * + m1 + m2, m1 - m2 - m3)}, down the columns (into the first two rows of {@code m}, in place),
     * then along the rows. The 2x2 outputs go to {@code out[to]}, {@code out[to + step]}, {@code
     * out[to + row]} and {@code out[to + row + step]}, the second column only when {@code
     * secondColumn}, the second row only when {@code secondRow}.
     */
    private static void outputTile(float[] m, int at, int pointStride, float[] biases, int b, float[] out, int to,
            int step, int row, boolean secondColumn, boolean secondRow) {
        outputColumns(m, at, pointStride);
        FloatVector bias = FloatVector.fromArray(SPECIES, biases, b);
        for (int r = 0; r < 2; r++) {
            if (r == 1 && !secondRow) {
                break;
            }
            int base = at + 4 * r * pointStride;
            FloatVector p0 = FloatVector.fromArray(SPECIES, m, base);
            FloatVector p1 = FloatVector.fromArray(SPECIES, m, base + pointStride);
            FloatVector p2 = FloatVector.fromArray(SPECIES, m, base + 2 * pointStride);
            FloatVector p3 = FloatVector.fromArray(SPECIES, m, base + 3 * pointStride);
            bias.add(p0.add(p1).add(p2)).intoArray(out, to + r * row);
            if (secondColumn) {
                bias.add(p1.sub(p2).sub(p3)).intoArray(out, to + r * row + step);
            }
        }
    }

    /**
     * {@code Aᵀ} down the columns of the 4x4 values {@code m[at + ξ·pointStride]}, into their first
     * two rows, in place.
     */
    private static void outputColumns(float[] m, int at, int pointStride) {
        for (int s = 0; s < 4; s++) {
            int column = at + s * pointStride;
            FloatVector m0 = FloatVector.fromArray(SPECIES, m, column);
            FloatVector m1 = FloatVector.fromArray(SPECIES, m, column + 4 * pointStride);
            FloatVector m2 = FloatVector.fromArray(SPECIES, m, column + 8 * pointStride);
            FloatVector m3 = FloatVector.fromArray(SPECIES, m, column + 12 * pointStride);
            m0.add(m1).add(m2).intoArray(m, column);
            m1.sub(m2).sub(m3).intoArray(m, column + 4 * pointStride);
        }
    }

    /**
     * The maxima of a block's {@code count} tiles from {@code from}, filters {@code [first, end)},
     * to {@code scratch[t·share + f - first]} for tile {@code t}; the filters past the last whole
     * vector through {@code window}.
     */
    private static void pooledTiles(WinogradTiles w, int from, int count, int first, int end, float[] m,
            float[] bias, int biasOffset, float[] window, float[] scratch) {
        int share = end - first;
        int pointStride = WinogradTiles.BLOCK * share;
        int vectorEnd = share - share % LANES;
        for (int k = 0; k < count; k++) {
            int to = (from + k) * share;
            for (int f = 0; f < vectorEnd; f += LANES) {
                pooledTile(m, k * share + f, pointStride, bias, biasOffset + first + f, scratch, to + f);
            }
            for (int f = vectorEnd; f < share; f++) {
                PlainWinograd.outputTile(m, k * share + f, pointStride, bias[biasOffset + first + f], window, 0, 1, 2,
                        true, true);
                scratch[to + f] = PlainWinograd.largest(window);
            }
        }
    }

    /**
     * One vector of filters of a tile, pooled: its four outputs as {@link #outputTile} computes them,
     * their largest (NaN if one is NaN, as the max pooling kernels take it) to {@code out[to]}.
     */
    private static void pooledTile(float[] m, int at, int pointStride, float[] biases, int b, float[] out, int to) {
        outputColumns(m, at, pointStride);
        FloatVector bias = FloatVector.fromArray(SPECIES, biases, b);
        int bottom = at + 4 * pointStride;
        FloatVector p0 = FloatVector.fromArray(SPECIES, m, at);
        FloatVector p1 = FloatVector.fromArray(SPECIES, m, at + pointStride);
        FloatVector p2 = FloatVector.fromArray(SPECIES, m, at + 2 * pointStride);
        FloatVector p3 = FloatVector.fromArray(SPECIES, m, at + 3 * pointStride);
        FloatVector max = bias.add(p0.add(p1).add(p2)).lanewise(VectorOperators.MAX, bias.add(p1.sub(p2).sub(p3)));
        p0 = FloatVector.fromArray(SPECIES, m, bottom);
        p1 = FloatVector.fromArray(SPECIES, m, bottom + pointStride);
        p2 = FloatVector.fromArray(SPECIES, m, bottom + 2 * pointStride);
        p3 = FloatVector.fromArray(SPECIES, m, bottom + 3 * pointStride);
        max = max.lanewise(VectorOperators.MAX, bias.add(p0.add(p1).add(p2)));
        max.lanewise(VectorOperators.MAX, bias.add(p1.sub(p2).sub(p3))).intoArray(out, to);
    }
}
