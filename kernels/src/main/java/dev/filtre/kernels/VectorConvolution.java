package dev.filtre.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DirectConvolution}'s vector kernel: vectors along the output filters, with the weights
 * transposed to {@code [patch][filters]} so that a step of the window loads whole vectors of them,
 * and each input value broadcast from the zero-padded copy of the input. Seven neighbouring output
 * positions of a row by two vectors of filters make fourteen accumulators, fed per step by two
 * weight loads and seven broadcasts. The sums go to a {@code [positions][share]} scratch, then
 * transposed into the output planes.
 *
 * <p>A 3x3 window moving by 1 has a block of its own: loops of three over the window's rows and
 * columns, which C2 unrolls, inside a loop over the input channels, so that the positions' offsets
 * are constants, C2 checks the indices once per loop and the accumulators stay in registers (68 µs
 * for FashionNet's conv2, against 63 for the unfolded multiply, which also needs the unfolding's
 * 8; with the stride a variable, 80). Other windows and strides walk a table of the window's steps
 * in one loop, with a range check per broadcast (92 µs on that layer). Loops over rows and columns
 * of any length, and the nine steps written out, left the accumulators boxed (1.4 ms): C2 did not
 * unbox them across nested loops, nor inline that many Vector API calls into one method.
 * Positions past the last whole block of a row, filters past the last pair of vectors and the last
 * filters short of a vector take narrower blocks: a single vector of filters, blocks of five
 * positions, the last of a row overlapping the one before it (9.5 µs for LeNet-5's conv2, 16
 * filters, against 18-21 one position at a time, whose single chain of multiply-adds waits on each).
 *
 * <p>Each sum is the unfolded multiply's: a chain of multiply-adds from 0 in the order of the
 * window ({@code c}, then {@code u}, then {@code v}), then the bias added, so that the output has
 * the same bits as {@code Sgemm.multiplyAdd} on the unfolded input with the vector kernels.
 */
final class VectorConvolution {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Output positions of a row one block takes. */
    private static final int BLOCK = 7;
    /** Output positions of a row one block of a single vector of filters takes. */
    private static final int NARROW_BLOCK = 5;

    private VectorConvolution() {}

    /** See {@link KernelSet#convolve}; {@code weights} transposed, {@code [patch][filters]} from 0. */
    static void convolve(ConvGeometry g, int[] steps, int filters, int first, int end, float[] padded,
            float[] weights, float[] bias, int biasOffset, float[] output, int outputOffset, float[] scratch) {
        int share = end - first;
        int outWidth = g.outputWidth();
        int stride = g.stride();
        int paddedWidth = g.width() + 2 * g.pad();
        int rowStep = stride * paddedWidth;
        boolean threeByThree = g.kernel() == 3 && stride == 1;
        int plane = (g.height() + 2 * g.pad()) * paddedWidth;
        int f = first;
        for (; f + 2 * LANES <= end; f += 2 * LANES) {
            for (int y = 0; y < g.outputHeight(); y++) {
                int x = 0;
                for (; x + BLOCK <= outWidth; x += BLOCK) {
                    int corner = y * rowStep + x * stride;
                    int s = (y * outWidth + x) * share + f - first;
                    if (threeByThree) {
                        sevenByTwoOfThreeByThreeStrideOne(g.channels(), plane, paddedWidth, padded, corner, weights,
                                filters, f, bias, biasOffset + f, scratch, s, share);
                    } else {
                        sevenByTwo(steps, stride, padded, corner, weights, filters, f, bias, biasOffset + f, scratch,
                                s, share);
                    }
                }
                for (; x < outWidth; x++) {
                    oneByTwo(steps, padded, y * rowStep + x * stride, weights, filters, f, bias, biasOffset + f,
                            scratch, (y * outWidth + x) * share + f - first);
                }
            }
        }
        for (; f + LANES <= end; f += LANES) {
            if (outWidth < NARROW_BLOCK) {
                for (int pixel = 0; pixel < g.pixels(); pixel++) {
                    oneByOne(steps, padded, pixel / outWidth * rowStep + pixel % outWidth * stride, weights, filters,
                            f, bias, biasOffset + f, scratch, pixel * share + f - first);
                }
                continue;
            }
            for (int y = 0; y < g.outputHeight(); y++) {
                for (int x = 0; ; x += NARROW_BLOCK) {
                    // the last block of a row ends at its end, over positions a block before it computed
                    // (the same sums, so the same bits)
                    int from = Math.min(x, outWidth - NARROW_BLOCK);
                    fiveByOne(steps, stride, padded, y * rowStep + from * stride, weights, filters, f, bias,
                            biasOffset + f, scratch, (y * outWidth + from) * share + f - first, share);
                    if (from + NARROW_BLOCK >= outWidth) {
                        break;
                    }
                }
            }
        }
        for (; f < end; f++) {
            for (int pixel = 0; pixel < g.pixels(); pixel++) {
                scratch[pixel * share + f - first] = single(steps, padded,
                        pixel / outWidth * rowStep + pixel % outWidth * stride, weights, filters, f)
                        + bias[biasOffset + f];
            }
        }
        VectorTranspose.copy(g.pixels(), share, scratch, 0, output, outputOffset + first * g.pixels());
    }

    /**
     * Seven neighbouring positions from {@code corner} by filters {@code f .. f + 2 LANES - 1}, a 3x3
     * window moving by 1 over {@code channels} planes of {@code plane} values, into {@code scratch} from
     * {@code s}, positions {@code share} apart.
     */
    private static void sevenByTwoOfThreeByThreeStrideOne(int channels, int plane, int paddedWidth, float[] padded,
            int corner, float[] weights, int filters, int f, float[] bias, int b, float[] scratch, int s,
            int share) {
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
        int p = f;
        for (int c = 0; c < channels; c++) {
            for (int u = 0; u < 3; u++) {
                int row = corner + c * plane + u * paddedWidth;
                for (int v = 0; v < 3; v++, p += filters) {
                    FloatVector w0 = FloatVector.fromArray(SPECIES, weights, p);
                    FloatVector w1 = FloatVector.fromArray(SPECIES, weights, p + LANES);
                    int q = row + v;
                    FloatVector x = FloatVector.broadcast(SPECIES, padded[q]);
                    s00 = w0.fma(x, s00);
                    s01 = w1.fma(x, s01);
                    x = FloatVector.broadcast(SPECIES, padded[q + 1]);
                    s10 = w0.fma(x, s10);
                    s11 = w1.fma(x, s11);
                    x = FloatVector.broadcast(SPECIES, padded[q + 2]);
                    s20 = w0.fma(x, s20);
                    s21 = w1.fma(x, s21);
                    x = FloatVector.broadcast(SPECIES, padded[q + 3]);
                    s30 = w0.fma(x, s30);
                    s31 = w1.fma(x, s31);
                    x = FloatVector.broadcast(SPECIES, padded[q + 4]);
                    s40 = w0.fma(x, s40);
                    s41 = w1.fma(x, s41);
                    x = FloatVector.broadcast(SPECIES, padded[q + 5]);
                    s50 = w0.fma(x, s50);
                    s51 = w1.fma(x, s51);
                    x = FloatVector.broadcast(SPECIES, padded[q + 6]);
                    s60 = w0.fma(x, s60);
                    s61 = w1.fma(x, s61);
                }
            }
        }
        FloatVector b0 = FloatVector.fromArray(SPECIES, bias, b);
        FloatVector b1 = FloatVector.fromArray(SPECIES, bias, b + LANES);
        s00.add(b0).intoArray(scratch, s);
        s01.add(b1).intoArray(scratch, s + LANES);
        s10.add(b0).intoArray(scratch, s + share);
        s11.add(b1).intoArray(scratch, s + share + LANES);
        s20.add(b0).intoArray(scratch, s + 2 * share);
        s21.add(b1).intoArray(scratch, s + 2 * share + LANES);
        s30.add(b0).intoArray(scratch, s + 3 * share);
        s31.add(b1).intoArray(scratch, s + 3 * share + LANES);
        s40.add(b0).intoArray(scratch, s + 4 * share);
        s41.add(b1).intoArray(scratch, s + 4 * share + LANES);
        s50.add(b0).intoArray(scratch, s + 5 * share);
        s51.add(b1).intoArray(scratch, s + 5 * share + LANES);
        s60.add(b0).intoArray(scratch, s + 6 * share);
        s61.add(b1).intoArray(scratch, s + 6 * share + LANES);
    }

    /**
     * {@link #sevenByTwoOfThreeByThreeStrideOne} for any window and stride: the positions {@code
     * step} apart, the window's steps through their table.
     */
    private static void sevenByTwo(int[] steps, int step, float[] padded, int corner, float[] weights, int filters,
            int f, float[] bias, int b, float[] scratch, int s, int share) {
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
        for (int k = 0, p = f; k < steps.length; k++, p += filters) {
            FloatVector w0 = FloatVector.fromArray(SPECIES, weights, p);
            FloatVector w1 = FloatVector.fromArray(SPECIES, weights, p + LANES);
            int q = corner + steps[k];
            FloatVector x = FloatVector.broadcast(SPECIES, padded[q]);
            s00 = w0.fma(x, s00);
            s01 = w1.fma(x, s01);
            x = FloatVector.broadcast(SPECIES, padded[q + step]);
            s10 = w0.fma(x, s10);
            s11 = w1.fma(x, s11);
            x = FloatVector.broadcast(SPECIES, padded[q + 2 * step]);
            s20 = w0.fma(x, s20);
            s21 = w1.fma(x, s21);
            x = FloatVector.broadcast(SPECIES, padded[q + 3 * step]);
            s30 = w0.fma(x, s30);
            s31 = w1.fma(x, s31);
            x = FloatVector.broadcast(SPECIES, padded[q + 4 * step]);
            s40 = w0.fma(x, s40);
            s41 = w1.fma(x, s41);
            x = FloatVector.broadcast(SPECIES, padded[q + 5 * step]);
            s50 = w0.fma(x, s50);
            s51 = w1.fma(x, s51);
            x = FloatVector.broadcast(SPECIES, padded[q + 6 * step]);
            s60 = w0.fma(x, s60);
            s61 = w1.fma(x, s61);
        }
        FloatVector b0 = FloatVector.fromArray(SPECIES, bias, b);
        FloatVector b1 = FloatVector.fromArray(SPECIES, bias, b + LANES);
        s00.add(b0).intoArray(scratch, s);
        s01.add(b1).intoArray(scratch, s + LANES);
        s10.add(b0).intoArray(scratch, s + share);
        s11.add(b1).intoArray(scratch, s + share + LANES);
        s20.add(b0).intoArray(scratch, s + 2 * share);
        s21.add(b1).intoArray(scratch, s + 2 * share + LANES);
        s30.add(b0).intoArray(scratch, s + 3 * share);
        s31.add(b1).intoArray(scratch, s + 3 * share + LANES);
        s40.add(b0).intoArray(scratch, s + 4 * share);
        s41.add(b1).intoArray(scratch, s + 4 * share + LANES);
        s50.add(b0).intoArray(scratch, s + 5 * share);
        s51.add(b1).intoArray(scratch, s + 5 * share + LANES);
        s60.add(b0).intoArray(scratch, s + 6 * share);
        s61.add(b1).intoArray(scratch, s + 6 * share + LANES);
    }

    /**
     * Five positions {@code step} apart from {@code corner} by filters {@code f .. f + LANES - 1}, the
     * window's steps through their table: five accumulators, as many as keep the multiply-adds'
     * latency hidden, fed per step by one weight load and five broadcasts.
     */
    private static void fiveByOne(int[] steps, int step, float[] padded, int corner, float[] weights, int filters,
            int f, float[] bias, int b, float[] scratch, int s, int share) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        for (int k = 0, p = f; k < steps.length; k++, p += filters) {
            FloatVector w = FloatVector.fromArray(SPECIES, weights, p);
            int q = corner + steps[k];
            s0 = w.fma(FloatVector.broadcast(SPECIES, padded[q]), s0);
            s1 = w.fma(FloatVector.broadcast(SPECIES, padded[q + step]), s1);
            s2 = w.fma(FloatVector.broadcast(SPECIES, padded[q + 2 * step]), s2);
            s3 = w.fma(FloatVector.broadcast(SPECIES, padded[q + 3 * step]), s3);
            s4 = w.fma(FloatVector.broadcast(SPECIES, padded[q + 4 * step]), s4);
        }
        FloatVector b0 = FloatVector.fromArray(SPECIES, bias, b);
        s0.add(b0).intoArray(scratch, s);
        s1.add(b0).intoArray(scratch, s + share);
        s2.add(b0).intoArray(scratch, s + 2 * share);
        s3.add(b0).intoArray(scratch, s + 3 * share);
        s4.add(b0).intoArray(scratch, s + 4 * share);
    }

    private static void oneByTwo(int[] steps, float[] padded, int corner, float[] weights, int filters, int f,
            float[] bias, int b, float[] scratch, int s) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        for (int k = 0, p = f; k < steps.length; k++, p += filters) {
            FloatVector x = FloatVector.broadcast(SPECIES, padded[corner + steps[k]]);
            s0 = FloatVector.fromArray(SPECIES, weights, p).fma(x, s0);
            s1 = FloatVector.fromArray(SPECIES, weights, p + LANES).fma(x, s1);
        }
        s0.add(FloatVector.fromArray(SPECIES, bias, b)).intoArray(scratch, s);
        s1.add(FloatVector.fromArray(SPECIES, bias, b + LANES)).intoArray(scratch, s + LANES);
    }

    private static void oneByOne(int[] steps, float[] padded, int corner, float[] weights, int filters, int f,
            float[] bias, int b, float[] scratch, int s) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        for (int k = 0, p = f; k < steps.length; k++, p += filters) {
            FloatVector x = FloatVector.broadcast(SPECIES, padded[corner + steps[k]]);
            s0 = FloatVector.fromArray(SPECIES, weights, p).fma(x, s0);
        }
        s0.add(FloatVector.fromArray(SPECIES, bias, b)).intoArray(scratch, s);
    }

    /** One filter's sum at one position, the chain a vector lane computes. */
    private static float single(int[] steps, float[] padded, int corner, float[] weights, int filters, int f) {
        float sum = 0f;
        for (int k = 0, p = f; k < steps.length; k++, p += filters) {
            sum = Math.fma(weights[p], padded[corner + steps[k]], sum);
        }
        return sum;
    }
}
