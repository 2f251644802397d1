package dev.filtre.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DirectConvolution}'s vector kernel for windows moving by 1 over output rows of a vector or
 * more (the first convolutions of LeNet-5 and FashionNet, rows of 28): vectors along an output
 * row's positions, two at a time (the last two of a row ending where it ends, over positions the
 * ones before also computed, with the same sums), each window step loading them from the padded
 * input and broadcasting the weights of six filters: two rows at once make 24 accumulators, the
 * unfolded multiply's register block, fed per step by four loads and six broadcasts, written
 * straight into the output planes (LeNet-5's conv1: 2.9-3.1 µs a sample against 3.9-4.6 for
 * unfolding and multiplying; FashionNet's: 6.6-7.0 against 6.6-7.5). The weights are read
 * transposed, {@code [patch][filters]}, so that a step's six are neighbours, whose range checks C2
 * merges into one. Filters past the last six take blocks of two, then one; so do all of an output
 * one row high.
 *
 * <p>Each lane's sum is the unfolded multiply's: a chain of multiply-adds from 0 in the order of
 * the window ({@code c}, then {@code u}, then {@code v}), then the bias added, so that the output
 * has the same bits as {@code Sgemm.multiplyAdd} on the unfolded input with the vector kernels.
 */
final class VectorRowConvolution {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final VectorSpecies<Integer> INT_SPECIES = SPECIES.withLanes(int.class);
    /** Filters and window steps of a block of the weight gradient: 15 accumulators. */
    private static final int GRADIENT_FILTERS = 3;
    private static final int GRADIENT_STEPS = 5;
    /** The room {@link #addWeightGradient} needs in its {@code sums}: a block's sums. */
    static final int WEIGHT_GRADIENT_SUMS = GRADIENT_FILTERS * GRADIENT_STEPS;
    /** The fewest window values {@link #takesWeightGradient} takes. */
    private static final int GRADIENT_MIN_STEPS = 16;

    private VectorRowConvolution() {}

    /** Whether this kernel takes {@code g}: a stride of 1 and output rows of a vector or more. */
    static boolean takes(ConvGeometry g) {
        return g.stride() == 1 && g.outputWidth() >= LANES;
    }

    /**
     * Whether {@link #addWeightGradient} takes {@code g}: one this kernel {@link #takes}, with a window
     * of {@link #GRADIENT_MIN_STEPS} values or more. Below that, unfolding the input costs less than
     * the lanes this kernel loses (a row's last vector partly cleared, blocks of five steps partly
     * repeated): FashionNet's conv1 (9 values) took 12.7-15.3 µs a sample along rows against
     * 10.0-12.7 unfolded; LeNet-5's (25 values) 3.6-5.2 against 6.0-7.3.
     */
    static boolean takesWeightGradient(ConvGeometry g) {
        return takes(g) && g.patch() >= GRADIENT_MIN_STEPS;
    }

    /**
     * See {@link KernelSet#convolve}; {@code weights} transposed, {@code [patch][filters]} from 0,
     * for a geometry this kernel {@link #takes}. A row is taken two vectors at a time, {@code
     * second} apart: whole pairs, then the pair that ends where the row ends; a row shorter than
     * two vectors is one pair, overlapping.
     */
    static void convolve(ConvGeometry g, int[] steps, int filters, int first, int end, float[] padded,
            float[] weights, float[] bias, int biasOffset, float[] output, int outputOffset) {
        int outWidth = g.outputWidth();
        int outHeight = g.outputHeight();
        int pixels = g.pixels();
        int paddedWidth = g.width() + 2 * g.pad();
        boolean wide = outWidth >= 2 * LANES;
        int second = wide ? LANES : outWidth - LANES;
        int pairs = wide ? (outWidth + 2 * LANES - 1) / (2 * LANES) : 1;
        int lastPair = outWidth - second - LANES;
        for (int pair = 0; pair < pairs; pair++) {
            int x = Math.min(pair * 2 * LANES, lastPair);
            int o = first;
            // six filters two rows at a time, the last pair of an odd number of rows over the row
            // before it again (the same sums); a single row takes the blocks of two filters
            for (; o + 6 <= end && outHeight >= 2; o += 6) {
                for (int row = 0; row < outHeight; row += 2) {
                    int y = Math.min(row, outHeight - 2);
                    sixFiltersTwoRows(steps, padded, y * paddedWidth + x, paddedWidth, second, weights, o, filters,
                            bias, biasOffset + o, output, outputOffset + o * pixels + y * outWidth + x, outWidth,
                            pixels);
                }
            }
            for (; o + 2 <= end; o += 2) {
                for (int y = 0; y < outHeight; y++) {
                    twoFilters(steps, padded, y * paddedWidth + x, second, weights, o, filters, bias, biasOffset + o,
                            output, outputOffset + o * pixels + y * outWidth + x, pixels);
                }
            }
            for (; o < end; o++) {
                for (int y = 0; y < outHeight; y++) {
                    oneFilter(steps, padded, y * paddedWidth + x, second, weights, o, filters, bias, biasOffset + o,
                            output, outputOffset + o * pixels + y * outWidth + x);
                }
            }
        }
    }

    /**
     * Two output rows of filters {@code f .. f + 5} (their planes {@code pixels} apart from {@code
     * out}, the second row {@code outWidth} after the first), their window corners from {@code
     * corner} in the padded input, the second row's {@code paddedWidth} after: 24 accumulators fed
     * per step by four loads and six broadcasts, the register block of the unfolded multiply.
     */
    private static void sixFiltersTwoRows(int[] steps, float[] padded, int corner, int paddedWidth, int second,
            float[] weights, int f, int filters, float[] bias, int b, float[] output, int out, int outWidth,
            int pixels) {
        FloatVector s00 = FloatVector.zero(SPECIES);
        FloatVector s01 = s00;
        FloatVector s02 = s00;
        FloatVector s03 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s12 = s00;
        FloatVector s13 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s22 = s00;
        FloatVector s23 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        FloatVector s32 = s00;
        FloatVector s33 = s00;
        FloatVector s40 = s00;
        FloatVector s41 = s00;
        FloatVector s42 = s00;
        FloatVector s43 = s00;
        FloatVector s50 = s00;
        FloatVector s51 = s00;
        FloatVector s52 = s00;
        FloatVector s53 = s00;
        for (int k = 0, p = f; k < steps.length; k++, p += filters) {
            int q = corner + steps[k];
            FloatVector x0 = FloatVector.fromArray(SPECIES, padded, q);
            FloatVector x1 = FloatVector.fromArray(SPECIES, padded, q + second);
            FloatVector x2 = FloatVector.fromArray(SPECIES, padded, q + paddedWidth);
            FloatVector x3 = FloatVector.fromArray(SPECIES, padded, q + paddedWidth + second);
            FloatVector w = FloatVector.broadcast(SPECIES, weights[p]);
            s00 = x0.fma(w, s00);
            s01 = x1.fma(w, s01);
            s02 = x2.fma(w, s02);
            s03 = x3.fma(w, s03);
            w = FloatVector.broadcast(SPECIES, weights[p + 1]);
            s10 = x0.fma(w, s10);
            s11 = x1.fma(w, s11);
            s12 = x2.fma(w, s12);
            s13 = x3.fma(w, s13);
            w = FloatVector.broadcast(SPECIES, weights[p + 2]);
            s20 = x0.fma(w, s20);
            s21 = x1.fma(w, s21);
            s22 = x2.fma(w, s22);
            s23 = x3.fma(w, s23);
            w = FloatVector.broadcast(SPECIES, weights[p + 3]);
            s30 = x0.fma(w, s30);
            s31 = x1.fma(w, s31);
            s32 = x2.fma(w, s32);
            s33 = x3.fma(w, s33);
            w = FloatVector.broadcast(SPECIES, weights[p + 4]);
            s40 = x0.fma(w, s40);
            s41 = x1.fma(w, s41);
            s42 = x2.fma(w, s42);
            s43 = x3.fma(w, s43);
            w = FloatVector.broadcast(SPECIES, weights[p + 5]);
            s50 = x0.fma(w, s50);
            s51 = x1.fma(w, s51);
            s52 = x2.fma(w, s52);
            s53 = x3.fma(w, s53);
        }
        FloatVector b0 = FloatVector.broadcast(SPECIES, bias[b]);
        s00.add(b0).intoArray(output, out);
        s01.add(b0).intoArray(output, out + second);
        s02.add(b0).intoArray(output, out + outWidth);
        s03.add(b0).intoArray(output, out + outWidth + second);
        FloatVector b1 = FloatVector.broadcast(SPECIES, bias[b + 1]);
        s10.add(b1).intoArray(output, out + pixels);
        s11.add(b1).intoArray(output, out + pixels + second);
        s12.add(b1).intoArray(output, out + pixels + outWidth);
        s13.add(b1).intoArray(output, out + pixels + outWidth + second);
        FloatVector b2 = FloatVector.broadcast(SPECIES, bias[b + 2]);
        s20.add(b2).intoArray(output, out + 2 * pixels);
        s21.add(b2).intoArray(output, out + 2 * pixels + second);
        s22.add(b2).intoArray(output, out + 2 * pixels + outWidth);
        s23.add(b2).intoArray(output, out + 2 * pixels + outWidth + second);
        FloatVector b3 = FloatVector.broadcast(SPECIES, bias[b + 3]);
        s30.add(b3).intoArray(output, out + 3 * pixels);
        s31.add(b3).intoArray(output, out + 3 * pixels + second);
        s32.add(b3).intoArray(output, out + 3 * pixels + outWidth);
        s33.add(b3).intoArray(output, out + 3 * pixels + outWidth + second);
        FloatVector b4 = FloatVector.broadcast(SPECIES, bias[b + 4]);
        s40.add(b4).intoArray(output, out + 4 * pixels);
        s41.add(b4).intoArray(output, out + 4 * pixels + second);
        s42.add(b4).intoArray(output, out + 4 * pixels + outWidth);
        s43.add(b4).intoArray(output, out + 4 * pixels + outWidth + second);
        FloatVector b5 = FloatVector.broadcast(SPECIES, bias[b + 5]);
        s50.add(b5).intoArray(output, out + 5 * pixels);
        s51.add(b5).intoArray(output, out + 5 * pixels + second);
        s52.add(b5).intoArray(output, out + 5 * pixels + outWidth);
        s53.add(b5).intoArray(output, out + 5 * pixels + outWidth + second);
    }

    private static void twoFilters(int[] steps, float[] padded, int corner, int second, float[] weights, int f,
            int filters, float[] bias, int b, float[] output, int out, int pixels) {
        FloatVector s00 = FloatVector.zero(SPECIES);
        FloatVector s01 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        for (int k = 0, p = f; k < steps.length; k++, p += filters) {
            int q = corner + steps[k];
            FloatVector x0 = FloatVector.fromArray(SPECIES, padded, q);
            FloatVector x1 = FloatVector.fromArray(SPECIES, padded, q + second);
            FloatVector w = FloatVector.broadcast(SPECIES, weights[p]);
            s00 = x0.fma(w, s00);
            s01 = x1.fma(w, s01);
            w = FloatVector.broadcast(SPECIES, weights[p + 1]);
            s10 = x0.fma(w, s10);
            s11 = x1.fma(w, s11);
        }
        store(s00, s01, bias[b], output, out, second);
        store(s10, s11, bias[b + 1], output, out + pixels, second);
    }

    private static void oneFilter(int[] steps, float[] padded, int corner, int second, float[] weights, int f,
            int filters, float[] bias, int b, float[] output, int out) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        for (int k = 0, p = f; k < steps.length; k++, p += filters) {
            int q = corner + steps[k];
            FloatVector w = FloatVector.broadcast(SPECIES, weights[p]);
            s0 = FloatVector.fromArray(SPECIES, padded, q).fma(w, s0);
            s1 = FloatVector.fromArray(SPECIES, padded, q + second).fma(w, s1);
        }
        store(s0, s1, bias[b], output, out, second);
    }

    /**
     * A row's two vectors of sums plus the bias: {@code left} from {@code out}, {@code right} from
     * {@code out + second}. (The 24-accumulator block writes its stores out: through this method C2
     * left its vectors boxed, 20 µs for LeNet-5's conv1.)
     */
    private static void store(FloatVector left, FloatVector right, float bias, float[] output, int out, int second) {
        FloatVector b = FloatVector.broadcast(SPECIES, bias);
        left.add(b).intoArray(output, out);
        right.add(b).intoArray(output, out + second);
    }

    /**
     * See {@link KernelSet#addWeightGradientAlongRows}, for a geometry {@link #takesWeightGradient}:
     * blocks of three filters by five window steps, each summing with one accumulator per pair over
     * every sample's output rows, a vector of positions at a time (a row's last vector ending where
     * the row ends, its lanes over positions the ones before took cleared), the products of the
     * output gradient with the padded input shifted by the step; its lanes reduced once for all the
     * samples. Each vector step is three loads of the output gradient and five of the input for 15
     * multiply-adds. The last block of filters or steps repeats the ones before it to fill itself,
     * and only its new sums are added.
     */
    static void addWeightGradient(ConvGeometry g, int[] steps, int filters, int samples, float[] padded,
            int paddedSize, float[] outputGradient, int outputGradientOffset, float[] weightGradient,
            int weightGradientOffset, float[] sums) {
        int pixels = g.pixels();
        int patch = steps.length;
        int paddedWidth = g.width() + 2 * g.pad();
        int last = patch - 1;
        for (int f = 0; f < filters; f += GRADIENT_FILTERS) {
            int plane = outputGradientOffset + f * pixels;
            int plane1 = outputGradientOffset + Math.min(f + 1, filters - 1) * pixels;
            int plane2 = outputGradientOffset + Math.min(f + 2, filters - 1) * pixels;
            for (int k = 0; k < patch; k += GRADIENT_STEPS) {
                gradientBlock(g.outputHeight(), g.outputWidth(), samples, padded, paddedSize, paddedWidth, steps[k],
                        steps[Math.min(k + 1, last)], steps[Math.min(k + 2, last)], steps[Math.min(k + 3, last)],
                        steps[Math.min(k + 4, last)], outputGradient, plane, plane1, plane2, filters * pixels, sums);
                for (int i = 0; i < GRADIENT_FILTERS && f + i < filters; i++) {
                    int row = weightGradientOffset + (f + i) * patch + k;
                    for (int j = 0; j < GRADIENT_STEPS && k + j < patch; j++) {
                        weightGradient[row + j] += sums[i * GRADIENT_STEPS + j];
                    }
                }
            }
        }
    }

    /**
     * The 15 sums of one block into {@code sums} (filter {@code i}, step {@code j} at {@code i·5 +
     * j}) over the whole vectors of each row, then the row's last vector when the rows are not
     * whole vectors, in a method of its own (so that each is small enough for C2 to compile with
     * every Vector API call intrinsified: the two in one method ran boxed, 60 µs for LeNet-5's conv1
     * against 2): for steps {@code q0 .. q4} and the output gradient planes from {@code d0}, {@code
     * d1}, {@code d2} (each sample's {@code sampleSize} after the one before), over {@code samples}
     * padded inputs {@code paddedSize} apart.
     */
    private static void gradientBlock(int outHeight, int outWidth, int samples, float[] padded, int paddedSize,
            int paddedWidth, int q0, int q1, int q2, int q3, int q4, float[] dy, int d0, int d1, int d2,
            int sampleSize, float[] sums) {
        gradientWholeVectors(outHeight, outWidth, samples, padded, paddedSize, paddedWidth, q0, q1, q2, q3, q4, dy,
                d0, d1, d2, sampleSize, sums);
        if (outWidth % LANES != 0) {
            gradientLastVectors(outHeight, outWidth, samples, padded, paddedSize, paddedWidth, q0, q1, q2, q3, q4,
                    dy, d0, d1, d2, sampleSize, sums);
        }
    }

    /** {@link #gradientBlock}'s sums over the whole vectors of each row, set into {@code sums}. */
    private static void gradientWholeVectors(int outHeight, int outWidth, int samples, float[] padded,
            int paddedSize, int paddedWidth, int q0, int q1, int q2, int q3, int q4, float[] dy, int d0, int d1,
            int d2, int sampleSize, float[] sums) {
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
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a22 = a00;
        FloatVector a23 = a00;
        FloatVector a24 = a00;
        int whole = outWidth - outWidth % LANES;
        // one loop over every row's vectors, its place kept in scalars: through three nested loops
        // C2 kept the accumulators boxed (64 µs a LeNet-5 sample against 2)
        int p = 0;
        int d = 0;
        int x = 0;
        int y = 0;
        for (int i = 0, count = samples * outHeight * (whole / LANES); i < count; i++) {
            FloatVector x0 = FloatVector.fromArray(SPECIES, padded, p + x + q0);
            FloatVector x1 = FloatVector.fromArray(SPECIES, padded, p + x + q1);
            FloatVector x2 = FloatVector.fromArray(SPECIES, padded, p + x + q2);
            FloatVector x3 = FloatVector.fromArray(SPECIES, padded, p + x + q3);
            FloatVector x4 = FloatVector.fromArray(SPECIES, padded, p + x + q4);
            FloatVector e = FloatVector.fromArray(SPECIES, dy, d0 + d + x);
            a00 = e.fma(x0, a00);
            a01 = e.fma(x1, a01);
            a02 = e.fma(x2, a02);
            a03 = e.fma(x3, a03);
            a04 = e.fma(x4, a04);
            e = FloatVector.fromArray(SPECIES, dy, d1 + d + x);
            a10 = e.fma(x0, a10);
            a11 = e.fma(x1, a11);
            a12 = e.fma(x2, a12);
            a13 = e.fma(x3, a13);
            a14 = e.fma(x4, a14);
            e = FloatVector.fromArray(SPECIES, dy, d2 + d + x);
            a20 = e.fma(x0, a20);
            a21 = e.fma(x1, a21);
            a22 = e.fma(x2, a22);
            a23 = e.fma(x3, a23);
            a24 = e.fma(x4, a24);
            x += LANES;
            if (x == whole) {
                x = 0;
                p += paddedWidth;
                d += outWidth;
                if (++y == outHeight) {
                    y = 0;
                    p += paddedSize - outHeight * paddedWidth;
                    d += sampleSize - outHeight * outWidth;
                }
            }
        }
        sums[0] = a00.reduceLanes(VectorOperators.ADD);
        sums[1] = a01.reduceLanes(VectorOperators.ADD);
        sums[2] = a02.reduceLanes(VectorOperators.ADD);
        sums[3] = a03.reduceLanes(VectorOperators.ADD);
        sums[4] = a04.reduceLanes(VectorOperators.ADD);
        sums[5] = a10.reduceLanes(VectorOperators.ADD);
        sums[6] = a11.reduceLanes(VectorOperators.ADD);
        sums[7] = a12.reduceLanes(VectorOperators.ADD);
        sums[8] = a13.reduceLanes(VectorOperators.ADD);
        sums[9] = a14.reduceLanes(VectorOperators.ADD);
        sums[10] = a20.reduceLanes(VectorOperators.ADD);
        sums[11] = a21.reduceLanes(VectorOperators.ADD);
        sums[12] = a22.reduceLanes(VectorOperators.ADD);
        sums[13] = a23.reduceLanes(VectorOperators.ADD);
        sums[14] = a24.reduceLanes(VectorOperators.ADD);
    }

    /**
     * {@link #gradientBlock}'s sums over the last vector of each row, which ends where the row ends,
     * its lanes over positions the whole vectors took cleared on both sides; added to {@code sums}.
     */
    private static void gradientLastVectors(int outHeight, int outWidth, int samples, float[] padded,
            int paddedSize, int paddedWidth, int q0, int q1, int q2, int q3, int q4, float[] dy, int d0, int d1,
            int d2, int sampleSize, float[] sums) {
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
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a22 = a00;
        FloatVector a23 = a00;
        FloatVector a24 = a00;
        int tail = outWidth - LANES;
        IntVector keep = IntVector.fromArray(INT_SPECIES, VectorKernels.KEEP_LAST, outWidth % LANES);
        // one loop over the rows, as in gradientWholeVectors
        int p = tail;
        int d = tail;
        int y = 0;
        for (int i = 0, rows = samples * outHeight; i < rows; i++) {
            FloatVector x0 = FloatVector.fromArray(SPECIES, padded, p + q0).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            FloatVector x1 = FloatVector.fromArray(SPECIES, padded, p + q1).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            FloatVector x2 = FloatVector.fromArray(SPECIES, padded, p + q2).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            FloatVector x3 = FloatVector.fromArray(SPECIES, padded, p + q3).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            FloatVector x4 = FloatVector.fromArray(SPECIES, padded, p + q4).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            FloatVector e = FloatVector.fromArray(SPECIES, dy, d0 + d).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            a00 = e.fma(x0, a00);
            a01 = e.fma(x1, a01);
            a02 = e.fma(x2, a02);
            a03 = e.fma(x3, a03);
            a04 = e.fma(x4, a04);
            e = FloatVector.fromArray(SPECIES, dy, d1 + d).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            a10 = e.fma(x0, a10);
            a11 = e.fma(x1, a11);
            a12 = e.fma(x2, a12);
            a13 = e.fma(x3, a13);
            a14 = e.fma(x4, a14);
            e = FloatVector.fromArray(SPECIES, dy, d2 + d).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            a20 = e.fma(x0, a20);
            a21 = e.fma(x1, a21);
            a22 = e.fma(x2, a22);
            a23 = e.fma(x3, a23);
            a24 = e.fma(x4, a24);
            p += paddedWidth;
            d += outWidth;
            if (++y == outHeight) {
                y = 0;
                p += paddedSize - outHeight * paddedWidth;
                d += sampleSize - outHeight * outWidth;
            }
        }
        sums[0] += a00.reduceLanes(VectorOperators.ADD);
        sums[1] += a01.reduceLanes(VectorOperators.ADD);
        sums[2] += a02.reduceLanes(VectorOperators.ADD);
        sums[3] += a03.reduceLanes(VectorOperators.ADD);
        sums[4] += a04.reduceLanes(VectorOperators.ADD);
        sums[5] += a10.reduceLanes(VectorOperators.ADD);
        sums[6] += a11.reduceLanes(VectorOperators.ADD);
        sums[7] += a12.reduceLanes(VectorOperators.ADD);
        sums[8] += a13.reduceLanes(VectorOperators.ADD);
        sums[9] += a14.reduceLanes(VectorOperators.ADD);
        sums[10] += a20.reduceLanes(VectorOperators.ADD);
        sums[11] += a21.reduceLanes(VectorOperators.ADD);
        sums[12] += a22.reduceLanes(VectorOperators.ADD);
        sums[13] += a23.reduceLanes(VectorOperators.ADD);
        sums[14] += a24.reduceLanes(VectorOperators.ADD);
    }
}
