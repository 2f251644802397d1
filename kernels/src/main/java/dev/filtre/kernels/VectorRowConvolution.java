package dev.filtre.kernels;

import jdk.incubator.vector.FloatVector;
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

    private VectorRowConvolution() {}

    /** Whether this kernel takes {@code g}: a stride of 1 and output rows of a vector or more. */
    static boolean takes(ConvGeometry g) {
        return g.stride() == 1 && g.outputWidth() >= LANES;
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
}
