package dev.filtre.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WinogradWeightGradient}'s vector kernel for one sample: the output gradient transposed to
 * channels last, the transforms of every tile of the input (vectors along the channels) and of the
 * output gradient (vectors along the filters), then for each of the sixteen points the sum over the
 * tiles of their products, eight channels by two vectors of filters at a time (sixteen
 * accumulators fed by two loads and eight broadcasts a tile, over all the sample's tiles before they
 * are stored). Channels and filters past the last whole block go through {@link
 * PlainWinogradWeights}.
 */
final class VectorWinogradWeights {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Channels a block of the sums takes. */
    private static final int CHANNELS = 8;

    private VectorWinogradWeights() {}

    /** See {@link KernelSet#winogradWeightProducts}. */
    static void products(WinogradTiles w, float[] padded, float[] outputGradient, int outputGradientOffset,
            float[] dense, float[] v, float[] m, float[] z) {
        int channels = w.channels();
        int filters = w.filters();
        int tiles = w.tiles();
        int outWidth = w.outputWidth();
        VectorTranspose.copy(filters, w.outputHeight() * outWidth, outputGradient, outputGradientOffset, dense, 0);
        transformTiles(w, padded, dense, v, m);
        int channelBlocks = channels - channels % CHANNELS;
        int filterPairs = filters - filters % (2 * LANES);
        for (int point = 0; point < WinogradTiles.POINTS; point++) {
            int v0 = point * tiles * channels;
            int m0 = point * tiles * filters;
            int z0 = point * channels * filters;
            for (int c = 0; c < channelBlocks; c += CHANNELS) {
                for (int f = 0; f < filterPairs; f += 2 * LANES) {
                    eightByTwo(tiles, v, v0 + c, channels, m, m0 + f, filters, z, z0 + c * filters + f);
                }
            }
            PlainWinogradWeights.sums(tiles, v, v0, channels, m, m0, filters, z, z0, channelBlocks, channels, 0,
                    filters);
            PlainWinogradWeights.sums(tiles, v, v0, channels, m, m0, filters, z, z0, 0, channelBlocks, filterPairs,
                    filters);
        }
    }

    /**
     * The transforms of every tile of the padded input into {@code v}, and of the output gradient
     * (channels last, in {@code dense}) into {@code m}: a method of its own, so that the one that
     * sums the products stays small for C2.
     */
    private static void transformTiles(WinogradTiles w, float[] padded, float[] dense, float[] v, float[] m) {
        int channels = w.channels();
        int filters = w.filters();
        int tiles = w.tiles();
        int outWidth = w.outputWidth();
        int row = w.paddedWidth() * channels;
        int channelVectors = channels - channels % LANES;
        int filterVectors = filters - filters % LANES;
        for (int t = 0; t < tiles; t++) {
            int i = t / w.tilesX();
            int j = t % w.tilesX();
            int corner = (2 * i * w.paddedWidth() + 2 * j) * channels;
            for (int c = 0; c < channelVectors; c += LANES) {
                VectorWinograd.inputTile(padded, corner + c, row, channels, v, t * channels + c, tiles * channels);
            }
            for (int c = channelVectors; c < channels; c++) {
                PlainWinograd.inputTile(padded, corner + c, row, channels, v, t * channels + c, tiles * channels);
            }
            boolean secondColumn = 2 * j + 1 < outWidth;
            boolean secondRow = 2 * i + 1 < w.outputHeight();
            int at = (2 * i * outWidth + 2 * j) * filters;
            // a tile reaching past the output's sides (odd sides only) goes value by value: the vector
            // kernel takes whole tiles, with no vector chosen between a load and zeros, which C2 may box
            int vectorEnd = secondColumn && secondRow ? filterVectors : 0;
            for (int f = 0; f < vectorEnd; f += LANES) {
                gradientTile(dense, at + f, filters, outWidth * filters, m, t * filters + f, tiles * filters);
            }
            for (int f = vectorEnd; f < filters; f++) {
                PlainWinogradWeights.gradientTile(dense, at + f, filters, outWidth * filters, m, t * filters + f,
                        tiles * filters, secondColumn, secondRow);
            }
        }
    }

    /**
     * Eight channels by two vectors of filters: {@code z[z0 + r·filters + q] += Σ_t v[v0 + t·channels
     * + r] · m[m0 + t·filters + q]}, one fused multiply-add after another in tile order.
     */
    private static void eightByTwo(int tiles, float[] v, int v0, int channels, float[] m, int m0, int filters,
            float[] z, int z0) {
        FloatVector s00 = FloatVector.fromArray(SPECIES, z, z0);
        FloatVector s01 = FloatVector.fromArray(SPECIES, z, z0 + LANES);
        FloatVector s10 = FloatVector.fromArray(SPECIES, z, z0 + filters);
        FloatVector s11 = FloatVector.fromArray(SPECIES, z, z0 + filters + LANES);
        FloatVector s20 = FloatVector.fromArray(SPECIES, z, z0 + 2 * filters);
        FloatVector s21 = FloatVector.fromArray(SPECIES, z, z0 + 2 * filters + LANES);
        FloatVector s30 = FloatVector.fromArray(SPECIES, z, z0 + 3 * filters);
        FloatVector s31 = FloatVector.fromArray(SPECIES, z, z0 + 3 * filters + LANES);
        FloatVector s40 = FloatVector.fromArray(SPECIES, z, z0 + 4 * filters);
        FloatVector s41 = FloatVector.fromArray(SPECIES, z, z0 + 4 * filters + LANES);
        FloatVector s50 = FloatVector.fromArray(SPECIES, z, z0 + 5 * filters);
        FloatVector s51 = FloatVector.fromArray(SPECIES, z, z0 + 5 * filters + LANES);
        FloatVector s60 = FloatVector.fromArray(SPECIES, z, z0 + 6 * filters);
        FloatVector s61 = FloatVector.fromArray(SPECIES, z, z0 + 6 * filters + LANES);
        FloatVector s70 = FloatVector.fromArray(SPECIES, z, z0 + 7 * filters);
        FloatVector s71 = FloatVector.fromArray(SPECIES, z, z0 + 7 * filters + LANES);
        for (int t = 0, p = v0, q = m0; t < tiles; t++, p += channels, q += filters) {
            FloatVector g0 = FloatVector.fromArray(SPECIES, m, q);
            FloatVector g1 = FloatVector.fromArray(SPECIES, m, q + LANES);
            FloatVector b = FloatVector.broadcast(SPECIES, v[p]);
            s00 = g0.fma(b, s00);
            s01 = g1.fma(b, s01);
            b = FloatVector.broadcast(SPECIES, v[p + 1]);
            s10 = g0.fma(b, s10);
            s11 = g1.fma(b, s11);
            b = FloatVector.broadcast(SPECIES, v[p + 2]);
            s20 = g0.fma(b, s20);
            s21 = g1.fma(b, s21);
            b = FloatVector.broadcast(SPECIES, v[p + 3]);
            s30 = g0.fma(b, s30);
            s31 = g1.fma(b, s31);
            b = FloatVector.broadcast(SPECIES, v[p + 4]);
            s40 = g0.fma(b, s40);
            s41 = g1.fma(b, s41);
            b = FloatVector.broadcast(SPECIES, v[p + 5]);
            s50 = g0.fma(b, s50);
            s51 = g1.fma(b, s51);
            b = FloatVector.broadcast(SPECIES, v[p + 6]);
            s60 = g0.fma(b, s60);
            s61 = g1.fma(b, s61);
            b = FloatVector.broadcast(SPECIES, v[p + 7]);
            s70 = g0.fma(b, s70);
            s71 = g1.fma(b, s71);
        }
        s00.intoArray(z, z0);
        s01.intoArray(z, z0 + LANES);
        s10.intoArray(z, z0 + filters);
        s11.intoArray(z, z0 + filters + LANES);
        s20.intoArray(z, z0 + 2 * filters);
        s21.intoArray(z, z0 + 2 * filters + LANES);
        s30.intoArray(z, z0 + 3 * filters);
        s31.intoArray(z, z0 + 3 * filters + LANES);
        s40.intoArray(z, z0 + 4 * filters);
        s41.intoArray(z, z0 + 4 * filters + LANES);
        s50.intoArray(z, z0 + 5 * filters);
        s51.intoArray(z, z0 + 5 * filters + LANES);
        s60.intoArray(z, z0 + 6 * filters);
        s61.intoArray(z, z0 + 6 * filters + LANES);
        s70.intoArray(z, z0 + 7 * filters);
        s71.intoArray(z, z0 + 7 * filters + LANES);
    }

    /**
     * One vector of filters of a whole tile of the output gradient (channels last, {@code step}
     * between neighbours in a row, {@code row} between rows): {@link
     * PlainWinogradWeights#gradientTile}'s transform, lane by lane, each row {@code (p, q)} of
     * {@code A dY} stored as {@code (p, p + q, p - q, -q)}. Written out, without a helper taking
     * vectors: a call C2 leaves out of line passes its vectors boxed (96 bytes each), which one
     * training JVM in about twenty did with such a helper here (2.4 MB a step).
     */
    private static void gradientTile(float[] dy, int at, int step, int row, float[] m, int to, int pointStride) {
        FloatVector a = FloatVector.fromArray(SPECIES, dy, at);
        FloatVector b = FloatVector.fromArray(SPECIES, dy, at + step);
        FloatVector c = FloatVector.fromArray(SPECIES, dy, at + row);
        FloatVector d = FloatVector.fromArray(SPECIES, dy, at + row + step);
        a.intoArray(m, to);
        a.add(b).intoArray(m, to + pointStride);
        a.sub(b).intoArray(m, to + 2 * pointStride);
        b.neg().intoArray(m, to + 3 * pointStride);
        FloatVector p = a.add(c);
        FloatVector q = b.add(d);
        p.intoArray(m, to + 4 * pointStride);
        p.add(q).intoArray(m, to + 5 * pointStride);
        p.sub(q).intoArray(m, to + 6 * pointStride);
        q.neg().intoArray(m, to + 7 * pointStride);
        p = a.sub(c);
        q = b.sub(d);
        p.intoArray(m, to + 8 * pointStride);
        p.add(q).intoArray(m, to + 9 * pointStride);
        p.sub(q).intoArray(m, to + 10 * pointStride);
        q.neg().intoArray(m, to + 11 * pointStride);
        p = c.neg();
        q = d.neg();
        p.intoArray(m, to + 12 * pointStride);
        p.add(q).intoArray(m, to + 13 * pointStride);
        p.sub(q).intoArray(m, to + 14 * pointStride);
        q.neg().intoArray(m, to + 15 * pointStride);
    }
}
