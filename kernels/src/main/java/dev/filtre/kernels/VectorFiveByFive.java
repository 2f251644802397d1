package dev.filtre.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DirectConvolution}'s vector kernels for a 5x5 window moving by 1 over output rows of ten
 * positions or more, with vectors along the filters (whole vectors of them): LeNet-5's conv2. Ten
 * neighbouring positions of a row see fourteen values of each input row, each of which feeds up to
 * five of them; a block of ten positions broadcasts each of those values once and multiplies it by
 * the five weight vectors of the window row, 50 multiply-adds for 14 broadcasts and 5 loads, where
 * {@link VectorConvolution}'s blocks broadcast once per multiply-add. LeNet-5's conv2 forward: 4.2
 * µs a sample against 6.2-6.4 for ten positions broadcasting each time, 9.5 for {@code
 * VectorConvolution}'s blocks of five and 9 for unfolding and multiplying.
 *
 * <p>The forward pass gives the unfolded multiply's bits: each position's sum is a chain of
 * multiply-adds from 0 in the window's order ({@code c}, {@code u}, then {@code v}), then the bias.
 * The weight gradient sums, for each pair of window rows and vector of filters, the products of
 * the output gradient (channels last, {@code [positions][filters]}) with the input over every block
 * of ten positions of every sample, ten accumulators in registers for the whole call: its sums are
 * the unfolded multiply's up to rounding. LeNet-5's conv2 weight gradient: 5.1-6.2 µs a sample, the
 * output gradient's transposes 0.7-1.0 of it, against 10.7 for unfolding again (4) and multiplying
 * (6.7); with the forward pass, a training image on one thread 37.6-39.6 µs against 42.3-46.0.
 */
final class VectorFiveByFive {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Positions of a row one block takes. */
    private static final int BLOCK = 10;
    /** Side of the window. */
    private static final int KERNEL = 5;

    private VectorFiveByFive() {}

    /** Whether this kernel takes {@code g}: a 5x5 window moving by 1 over output rows of {@link #BLOCK} or more. */
    static boolean takes(ConvGeometry g) {
        return g.kernel() == KERNEL && g.stride() == 1 && g.outputWidth() >= BLOCK;
    }

    /**
     * Whether {@link #convolve} and {@link #addWeightGradient} take {@code filters} over {@code g}:
     * whole vectors of them.
     */
    static boolean takes(ConvGeometry g, int filters) {
        return takes(g) && filters % LANES == 0;
    }

    /** The room {@link #addWeightGradient} needs in its {@code sums} for {@code samples} samples. */
    static int weightGradientSums(ConvGeometry g, int filters, int samples) {
        return samples * g.pixels() * filters + 2 * KERNEL * LANES;
    }

    /**
     * See {@link KernelSet#convolve}; {@code weights} transposed, {@code [patch][filters]} from 0, for
     * filters this kernel {@link #takes(ConvGeometry, int) takes}, {@code scratch} twice the output's
     * size. A row is taken ten positions at a time, the last block ending where the row ends, over
     * positions the one before computed (the same sums, so the same bits). A share of the filters
     * that is not whole vectors (half of LeNet-5's 16, a thread's share of a one-sample pass) is
     * computed in the whole vectors around it, transposed apart, and only its planes copied out:
     * each thread then does the whole layer's work, 4 µs, where the blocks of five positions or a
     * lane at a time would take 10 or 70.
     */
    static void convolve(ConvGeometry g, int filters, int first, int end, float[] padded, float[] weights,
            float[] bias, int biasOffset, float[] output, int outputOffset, float[] scratch) {
        if (first == end) {
            return;
        }
        int from = first - first % LANES;
        int to = Math.min(filters, end + (LANES - end % LANES) % LANES);
        int span = to - from;
        int outWidth = g.outputWidth();
        int pixels = g.pixels();
        int paddedWidth = g.width() + 2 * g.pad();
        int plane = (g.height() + 2 * g.pad()) * paddedWidth;
        for (int f = from; f < to; f += LANES) {
            for (int y = 0; y < g.outputHeight(); y++) {
                for (int x = 0; ; x += BLOCK) {
                    int left = Math.min(x, outWidth - BLOCK);
                    tenPositions(g.channels(), plane, paddedWidth, padded, y * paddedWidth + left, weights, filters, f,
                            bias, biasOffset + f, scratch, (y * outWidth + left) * span + f - from, span);
                    if (left + BLOCK >= outWidth) {
                        break;
                    }
                }
            }
        }
        if (span == end - first) {
            VectorTranspose.copy(pixels, span, scratch, 0, output, outputOffset + first * pixels);
        } else {
            VectorTranspose.copy(pixels, span, scratch, 0, scratch, pixels * span);
            System.arraycopy(scratch, pixels * (span + first - from), output, outputOffset + first * pixels,
                    (end - first) * pixels);
        }
    }

    /**
     * See {@link KernelSet#addWeightGradientAlongRows}, for filters this kernel {@link
     * #takes(ConvGeometry, int) takes}: the samples' output gradients put channels last into {@code sums}
     * (past its first {@code 2·5·LANES} values, the blocks' sums), then, for each vector of filters
     * and pair of window rows, the sums over every whole block of ten positions, and over the
     * positions past the last whole block of a row one at a time; each added to the weight gradient,
     * whose layout {@code [filters][patch]} takes them a lane at a time.
     */
    static void addWeightGradient(ConvGeometry g, int[] steps, int filters, int samples, float[] padded,
            int paddedSize, float[] outputGradient, int outputGradientOffset, float[] weightGradient,
            int weightGradientOffset, float[] sums) {
        int pixels = g.pixels();
        int dySize = pixels * filters;
        int dy = 2 * KERNEL * LANES;
        for (int s = 0; s < samples; s++) {
            VectorTranspose.copy(filters, pixels, outputGradient, outputGradientOffset + s * dySize, sums,
                    dy + s * dySize);
        }
        int outWidth = g.outputWidth();
        int blocks = outWidth / BLOCK;
        int paddedWidth = g.width() + 2 * g.pad();
        int rows = g.channels() * KERNEL;
        int patch = steps.length;
        for (int f = 0; f < filters; f += LANES) {
            for (int r = 0; r < rows; r += 2) {
                int rowSteps = Math.min(2, rows - r) * KERNEL;
                // steps[r·5] is where window row r starts in a padded input; a last row without a
                // partner is summed twice over, and its second sums dropped
                twoRowsTenPositions(samples, g.outputHeight(), outWidth, blocks, filters, f, padded, paddedSize,
                        paddedWidth, steps[r * KERNEL], steps[Math.min(r + 1, rows - 1) * KERNEL], sums, dy, dySize,
                        sums);
                for (int k = 0; k < rowSteps; k++) {
                    int at = weightGradientOffset + f * patch + r * KERNEL + k;
                    for (int lane = 0; lane < LANES; lane++, at += patch) {
                        weightGradient[at] += sums[k * LANES + lane];
                    }
                }
            }
            // positions past the last whole block of a row, one at a time
            for (int x = blocks * BLOCK; x < outWidth; x++) {
                for (int y = 0; y < g.outputHeight(); y++) {
                    for (int s = 0; s < samples; s++) {
                        int d = dy + s * dySize + (y * outWidth + x) * filters + f;
                        int corner = s * paddedSize + y * paddedWidth + x;
                        for (int k = 0; k < patch; k++) {
                            float value = padded[corner + steps[k]];
                            int at = weightGradientOffset + f * patch + k;
                            for (int lane = 0; lane < LANES; lane++, at += patch) {
                                weightGradient[at] += value * sums[d + lane];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Ten neighbouring positions of a row from {@code corner} by filters {@code f .. f + LANES - 1},
     * into {@code scratch} from {@code s}, positions {@code share} apart: per window row, the five
     * weight vectors loaded and the row's fourteen input values broadcast once each, every one
     * feeding the positions whose window sees it (50 multiply-adds for 14 broadcasts).
     */
    private static void tenPositions(int channels, int plane, int paddedWidth, float[] padded, int corner,
            float[] weights, int filters, int f, float[] bias, int b, float[] scratch, int s, int share) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        FloatVector a5 = a0;
        FloatVector a6 = a0;
        FloatVector a7 = a0;
        FloatVector a8 = a0;
        FloatVector a9 = a0;
        int p = f;
        for (int c = 0; c < channels; c++) {
            for (int u = 0; u < 5; u++, p += 5 * filters) {
                int row = corner + c * plane + u * paddedWidth;
                FloatVector w0 = FloatVector.fromArray(SPECIES, weights, p);
                FloatVector w1 = FloatVector.fromArray(SPECIES, weights, p + filters);
                FloatVector w2 = FloatVector.fromArray(SPECIES, weights, p + 2 * filters);
                FloatVector w3 = FloatVector.fromArray(SPECIES, weights, p + 3 * filters);
                FloatVector w4 = FloatVector.fromArray(SPECIES, weights, p + 4 * filters);
                FloatVector x;
                x = FloatVector.broadcast(SPECIES, padded[row]);
                a0 = w0.fma(x, a0);
                x = FloatVector.broadcast(SPECIES, padded[row + 1]);
                a1 = w0.fma(x, a1);
                a0 = w1.fma(x, a0);
                x = FloatVector.broadcast(SPECIES, padded[row + 2]);
                a2 = w0.fma(x, a2);
                a1 = w1.fma(x, a1);
                a0 = w2.fma(x, a0);
                x = FloatVector.broadcast(SPECIES, padded[row + 3]);
                a3 = w0.fma(x, a3);
                a2 = w1.fma(x, a2);
                a1 = w2.fma(x, a1);
                a0 = w3.fma(x, a0);
                x = FloatVector.broadcast(SPECIES, padded[row + 4]);
                a4 = w0.fma(x, a4);
                a3 = w1.fma(x, a3);
                a2 = w2.fma(x, a2);
                a1 = w3.fma(x, a1);
                a0 = w4.fma(x, a0);
                x = FloatVector.broadcast(SPECIES, padded[row + 5]);
                a5 = w0.fma(x, a5);
                a4 = w1.fma(x, a4);
                a3 = w2.fma(x, a3);
                a2 = w3.fma(x, a2);
                a1 = w4.fma(x, a1);
                x = FloatVector.broadcast(SPECIES, padded[row + 6]);
                a6 = w0.fma(x, a6);
                a5 = w1.fma(x, a5);
                a4 = w2.fma(x, a4);
                a3 = w3.fma(x, a3);
                a2 = w4.fma(x, a2);
                x = FloatVector.broadcast(SPECIES, padded[row + 7]);
                a7 = w0.fma(x, a7);
                a6 = w1.fma(x, a6);
                a5 = w2.fma(x, a5);
                a4 = w3.fma(x, a4);
                a3 = w4.fma(x, a3);
                x = FloatVector.broadcast(SPECIES, padded[row + 8]);
                a8 = w0.fma(x, a8);
                a7 = w1.fma(x, a7);
                a6 = w2.fma(x, a6);
                a5 = w3.fma(x, a5);
                a4 = w4.fma(x, a4);
                x = FloatVector.broadcast(SPECIES, padded[row + 9]);
                a9 = w0.fma(x, a9);
                a8 = w1.fma(x, a8);
                a7 = w2.fma(x, a7);
                a6 = w3.fma(x, a6);
                a5 = w4.fma(x, a5);
                x = FloatVector.broadcast(SPECIES, padded[row + 10]);
                a9 = w1.fma(x, a9);
                a8 = w2.fma(x, a8);
                a7 = w3.fma(x, a7);
                a6 = w4.fma(x, a6);
                x = FloatVector.broadcast(SPECIES, padded[row + 11]);
                a9 = w2.fma(x, a9);
                a8 = w3.fma(x, a8);
                a7 = w4.fma(x, a7);
                x = FloatVector.broadcast(SPECIES, padded[row + 12]);
                a9 = w3.fma(x, a9);
                a8 = w4.fma(x, a8);
                x = FloatVector.broadcast(SPECIES, padded[row + 13]);
                a9 = w4.fma(x, a9);
            }
        }
        FloatVector bias0 = FloatVector.fromArray(SPECIES, bias, b);
        a0.add(bias0).intoArray(scratch, s);
        a1.add(bias0).intoArray(scratch, s + share);
        a2.add(bias0).intoArray(scratch, s + 2 * share);
        a3.add(bias0).intoArray(scratch, s + 3 * share);
        a4.add(bias0).intoArray(scratch, s + 4 * share);
        a5.add(bias0).intoArray(scratch, s + 5 * share);
        a6.add(bias0).intoArray(scratch, s + 6 * share);
        a7.add(bias0).intoArray(scratch, s + 7 * share);
        a8.add(bias0).intoArray(scratch, s + 8 * share);
        a9.add(bias0).intoArray(scratch, s + 9 * share);
    }

    /**
     * The sums of two window rows' ten steps (row {@code r0}'s five, then {@code r1}'s, each a
     * vector of filters from {@code f}) into {@code sums}, over the whole blocks of ten positions of
     * every output row of {@code samples} samples: per block, the ten output gradient vectors loaded
     * once and each row's fourteen input values broadcast once (100 multiply-adds for 10 loads and
     * 28 broadcasts).
     */
    private static void twoRowsTenPositions(int samples, int outHeight, int outWidth, int blocks, int filters, int f,
            float[] padded, int paddedSize, int paddedWidth, int r0, int r1, float[] dy, int dyOffset, int dySize,
            float[] sums) {
        FloatVector a00 = FloatVector.zero(SPECIES);
        FloatVector a01 = a00;
        FloatVector a02 = a00;
        FloatVector a03 = a00;
        FloatVector a04 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a12 = a00;
        FloatVector a13 = a00;
        FloatVector a14 = a00;
        // one loop over every block of every row of every sample, its place kept in scalars: C2 keeps
        // the accumulators of one loop in registers, not those of nested loops, and a division per
        // block costs as much as its multiply-adds
        int d = dyOffset + f;
        int in = 0;
        int block = 0;
        int y = 0;
        int rowEnd = (outWidth - blocks * BLOCK) * filters;
        for (int t = 0, count = samples * outHeight * blocks; t < count; t++) {
            FloatVector d0 = FloatVector.fromArray(SPECIES, dy, d);
            FloatVector d1 = FloatVector.fromArray(SPECIES, dy, d + filters);
            FloatVector d2 = FloatVector.fromArray(SPECIES, dy, d + 2 * filters);
            FloatVector d3 = FloatVector.fromArray(SPECIES, dy, d + 3 * filters);
            FloatVector d4 = FloatVector.fromArray(SPECIES, dy, d + 4 * filters);
            FloatVector d5 = FloatVector.fromArray(SPECIES, dy, d + 5 * filters);
            FloatVector d6 = FloatVector.fromArray(SPECIES, dy, d + 6 * filters);
            FloatVector d7 = FloatVector.fromArray(SPECIES, dy, d + 7 * filters);
            FloatVector d8 = FloatVector.fromArray(SPECIES, dy, d + 8 * filters);
            FloatVector d9 = FloatVector.fromArray(SPECIES, dy, d + 9 * filters);
            FloatVector v;
            v = FloatVector.broadcast(SPECIES, padded[in + r0]);
            a00 = d0.fma(v, a00);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 1]);
            a00 = d1.fma(v, a00);
            a01 = d0.fma(v, a01);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 2]);
            a00 = d2.fma(v, a00);
            a01 = d1.fma(v, a01);
            a02 = d0.fma(v, a02);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 3]);
            a00 = d3.fma(v, a00);
            a01 = d2.fma(v, a01);
            a02 = d1.fma(v, a02);
            a03 = d0.fma(v, a03);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 4]);
            a00 = d4.fma(v, a00);
            a01 = d3.fma(v, a01);
            a02 = d2.fma(v, a02);
            a03 = d1.fma(v, a03);
            a04 = d0.fma(v, a04);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 5]);
            a00 = d5.fma(v, a00);
            a01 = d4.fma(v, a01);
            a02 = d3.fma(v, a02);
            a03 = d2.fma(v, a03);
            a04 = d1.fma(v, a04);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 6]);
            a00 = d6.fma(v, a00);
            a01 = d5.fma(v, a01);
            a02 = d4.fma(v, a02);
            a03 = d3.fma(v, a03);
            a04 = d2.fma(v, a04);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 7]);
            a00 = d7.fma(v, a00);
            a01 = d6.fma(v, a01);
            a02 = d5.fma(v, a02);
            a03 = d4.fma(v, a03);
            a04 = d3.fma(v, a04);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 8]);
            a00 = d8.fma(v, a00);
            a01 = d7.fma(v, a01);
            a02 = d6.fma(v, a02);
            a03 = d5.fma(v, a03);
            a04 = d4.fma(v, a04);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 9]);
            a00 = d9.fma(v, a00);
            a01 = d8.fma(v, a01);
            a02 = d7.fma(v, a02);
            a03 = d6.fma(v, a03);
            a04 = d5.fma(v, a04);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 10]);
            a01 = d9.fma(v, a01);
            a02 = d8.fma(v, a02);
            a03 = d7.fma(v, a03);
            a04 = d6.fma(v, a04);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 11]);
            a02 = d9.fma(v, a02);
            a03 = d8.fma(v, a03);
            a04 = d7.fma(v, a04);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 12]);
            a03 = d9.fma(v, a03);
            a04 = d8.fma(v, a04);
            v = FloatVector.broadcast(SPECIES, padded[in + r0 + 13]);
            a04 = d9.fma(v, a04);
            v = FloatVector.broadcast(SPECIES, padded[in + r1]);
            a10 = d0.fma(v, a10);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 1]);
            a10 = d1.fma(v, a10);
            a11 = d0.fma(v, a11);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 2]);
            a10 = d2.fma(v, a10);
            a11 = d1.fma(v, a11);
            a12 = d0.fma(v, a12);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 3]);
            a10 = d3.fma(v, a10);
            a11 = d2.fma(v, a11);
            a12 = d1.fma(v, a12);
            a13 = d0.fma(v, a13);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 4]);
            a10 = d4.fma(v, a10);
            a11 = d3.fma(v, a11);
            a12 = d2.fma(v, a12);
            a13 = d1.fma(v, a13);
            a14 = d0.fma(v, a14);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 5]);
            a10 = d5.fma(v, a10);
            a11 = d4.fma(v, a11);
            a12 = d3.fma(v, a12);
            a13 = d2.fma(v, a13);
            a14 = d1.fma(v, a14);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 6]);
            a10 = d6.fma(v, a10);
            a11 = d5.fma(v, a11);
            a12 = d4.fma(v, a12);
            a13 = d3.fma(v, a13);
            a14 = d2.fma(v, a14);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 7]);
            a10 = d7.fma(v, a10);
            a11 = d6.fma(v, a11);
            a12 = d5.fma(v, a12);
            a13 = d4.fma(v, a13);
            a14 = d3.fma(v, a14);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 8]);
            a10 = d8.fma(v, a10);
            a11 = d7.fma(v, a11);
            a12 = d6.fma(v, a12);
            a13 = d5.fma(v, a13);
            a14 = d4.fma(v, a14);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 9]);
            a10 = d9.fma(v, a10);
            a11 = d8.fma(v, a11);
            a12 = d7.fma(v, a12);
            a13 = d6.fma(v, a13);
            a14 = d5.fma(v, a14);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 10]);
            a11 = d9.fma(v, a11);
            a12 = d8.fma(v, a12);
            a13 = d7.fma(v, a13);
            a14 = d6.fma(v, a14);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 11]);
            a12 = d9.fma(v, a12);
            a13 = d8.fma(v, a13);
            a14 = d7.fma(v, a14);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 12]);
            a13 = d9.fma(v, a13);
            a14 = d8.fma(v, a14);
            v = FloatVector.broadcast(SPECIES, padded[in + r1 + 13]);
            a14 = d9.fma(v, a14);
            d += BLOCK * filters;
            in += BLOCK;
            if (++block == blocks) {
                // the next row: past the positions no whole block takes, then the next sample's
                block = 0;
                d += rowEnd;
                in += paddedWidth - blocks * BLOCK;
                if (++y == outHeight) {
                    y = 0;
                    in += paddedSize - outHeight * paddedWidth;
                }
            }
        }
        a00.intoArray(sums, 0 * LANES);
        a01.intoArray(sums, 1 * LANES);
        a02.intoArray(sums, 2 * LANES);
        a03.intoArray(sums, 3 * LANES);
        a04.intoArray(sums, 4 * LANES);
        a10.intoArray(sums, 5 * LANES);
        a11.intoArray(sums, 6 * LANES);
        a12.intoArray(sums, 7 * LANES);
        a13.intoArray(sums, 8 * LANES);
        a14.intoArray(sums, 9 * LANES);
    }
}
