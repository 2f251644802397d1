package dev.filtre.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The primitives with the incubating Vector API, in the machine's widest float vectors (16 lanes
 * with AVX-512). Only {@link Kernels} loads this class, by name, and only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 *
 * <p>The matrix multiply is register-blocked: six rows of {@code C} times four vectors of columns
 * stay in twenty-four accumulators while {@code p} runs over the whole inner dimension, each step
 * broadcasting six values of {@code A} and loading four vectors of a row of {@code B}: twenty-four
 * multiply-adds for ten loads, where four rows by two vectors did eight for six and ran at 65 to 83
 * GFLOP/s against 85 to 111 on one Zen 4 core. Columns that do not fill four vectors take a
 * two-vector and a one-vector block, then a block of whole vectors of which only the lanes inside
 * {@code C} are kept. Rows left over after the blocks of six (all rows when {@code C} is narrower
 * than a vector; one block of six fewer when that leaves two or three) take blocks of four rows in
 * the same column blocks (sixteen accumulators for four vectors), then one-row blocks. Every value
 * of {@code C} is the same fused sum over {@code p} in the same order, whichever block computes it.
 * {@code C += A·Bᵀ} either transposes {@code B} into the caller's scratch and runs that multiply
 * (when {@code C} has at least two vectors of columns and the inner dimension is short next to the
 * rows of {@code A}), or transposes {@code A} there and runs {@code Cᵀ = B·Aᵀ}, added to {@code C}
 * transposed (when the rows of {@code C} fill two vectors or more and the inner dimension is long:
 * a chunk's weight gradient, 55 to 93 GFLOP/s on FashionNet's conv2), or is a grid of four-by-four
 * dot products of rows (sixteen accumulators, eight
 * loads a step), reduced across lanes at the end, with four-by-two and four-by-one blocks at the
 * edges so that few values of {@code C} are left to single dot products. Their loops run to {@code
 * SPECIES.loopBound(k)}, a counted loop over offsets affine in the loop variable, so that C2 moves
 * the loads' range checks out of the loop (with {@code p + LANES <= k} as the test they stayed in
 * it, one per load); the {@code k mod LANES} values left at the end of the
 * rows are one more vector per row, loaded to end at the row's end, its lanes that were already
 * added cleared by an and with {@link #KEEP_LAST}, in a method of its own that reduces its products
 * and adds them to {@code C} after the rest (so that C2 compiles it from its own profile).
 *
 * <p>No masked operation is used (JDK 17 runs masked stores lane by lane), and no vector is passed
 * to or returned from a method of this class, so that C2 never has to box one.
 */
final class VectorKernels implements KernelSet {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final VectorSpecies<Integer> INT_SPECIES = SPECIES.withLanes(int.class);
    /** Lane {@code l} holds {@code l}: the masks of lane ranges compare against it. */
    private static final FloatVector LANE_INDEX = FloatVector.fromArray(SPECIES, laneIndices(), 0);
    /**
     * {@code LANES} zeros then {@code LANES} all-ones words: the {@code LANES} from {@code r} keep
     * the last {@code r} lanes of a vector they are and-ed with and clear the others.
     */
    static final int[] KEEP_LAST = new int[2 * LANES];
    /**
     * {@code LANES} words of {@code -0.0f} then {@code LANES} zeros: the {@code LANES} from {@code r}
     * are {@code -0.0f} in the lanes {@link #KEEP_LAST} from {@code r} clears, so that or-ed with the
     * cleared vector they make it add nothing, not even to a {@code -0.0} (which {@code +0.0} would
     * turn into {@code +0.0}).
     */
    private static final int[] NEGATIVE_ZERO_FIRST = new int[2 * LANES];
    /**
     * The even lanes of a vector, in both halves: with the odd ones, {@link #ODD_LANES}, what a
     * vector's even and odd lanes become, the first half of two vectors' from the first, the second
     * half from the second (a shuffle of two vectors, {@code rearrange(s, v)}, runs boxed on JDK 17).
     */
    private static final VectorShuffle<Float> EVEN_LANES = VectorShuffle.fromArray(SPECIES, halves(0), 0);
    /** The odd lanes of a vector, in both halves. */
    private static final VectorShuffle<Float> ODD_LANES = VectorShuffle.fromArray(SPECIES, halves(1), 0);
    /** Lane {@code l} holds {@code 2l}. */
    private static final IntVector TWICE_LANE = IntVector.fromArray(INT_SPECIES, multiples(2, 0), 0);
    /** Lane {@code l} holds {@code l}. */
    private static final IntVector LANE = IntVector.fromArray(INT_SPECIES, multiples(1, 0), 0);
    /** Lane {@code l} takes lane {@code l / 2}: a vector's first half, each value twice. */
    private static final VectorShuffle<Float> SPREAD_LOW = VectorShuffle.fromArray(SPECIES, spread(0), 0);
    /** Lane {@code l} takes lane {@code LANES / 2 + l / 2}: its second half, each value twice. */
    private static final VectorShuffle<Float> SPREAD_HIGH = VectorShuffle.fromArray(SPECIES, spread(LANES / 2), 0);
    private static final VectorShuffle<Integer> SPREAD_LOW_INT = VectorShuffle.fromArray(INT_SPECIES, spread(0), 0);
    private static final VectorShuffle<Integer> SPREAD_HIGH_INT =
            VectorShuffle.fromArray(INT_SPECIES, spread(LANES / 2), 0);

    static {
        java.util.Arrays.fill(KEEP_LAST, LANES, 2 * LANES, -1);
        java.util.Arrays.fill(NEGATIVE_ZERO_FIRST, 0, LANES, Float.floatToRawIntBits(-0f));
    }

    /** {@code start + l / 2} for each lane {@code l}. */
    private static int[] spread(int start) {
        int[] values = new int[LANES];
        for (int l = 0; l < LANES; l++) {
            values[l] = start + l / 2;
        }
        return values;
    }

    /** {@code 2l + start} for each lane {@code l} of a half, in both halves. */
    private static int[] halves(int start) {
        int[] values = new int[LANES];
        for (int l = 0; l < LANES; l++) {
            values[l] = 2 * (l % (LANES / 2)) + start;
        }
        return values;
    }

    /**
     * What {@link #maxPoolTwoRows} and {@link #maxPoolThreeRows} need for output rows of {@code width}
     * values, {@code rows} of them to a vector: lanes {@code r·width .. (r + 1)·width - 1} take the
     * windows of output row {@code r} from the vector of its top (or bottom) input row; the windows'
     * left columns are the even values, the right ones the odd values.
     */
    private static final class RowWindows {
        /** By output row of the vector: its windows' left and right values from its input row's vector. */
        final VectorShuffle<Float> left0;
        final VectorShuffle<Float> right0;
        final VectorShuffle<Float> left1;
        final VectorShuffle<Float> right1;
        final VectorShuffle<Float> left2;
        final VectorShuffle<Float> right2;
        /** The lanes of output rows 1 and up, and 2 and up. */
        final VectorMask<Float> from1;
        final VectorMask<Float> from2;
        /** Each window's top-left input position from the first input row's start (rows of {@code 2 width}). */
        final IntVector corner;
        /** The output rows a vector holds: 2 or 3. */
        final int rows;

        RowWindows(int width, int rows) {
            this.rows = rows;
            left0 = pairs(width, rows, 0, 0);
            right0 = pairs(width, rows, 0, 1);
            left1 = pairs(width, rows, 1, 0);
            right1 = pairs(width, rows, 1, 1);
            left2 = pairs(width, rows, 2, 0);
            right2 = pairs(width, rows, 2, 1);
            boolean[] at1 = new boolean[LANES];
            boolean[] at2 = new boolean[LANES];
            int[] corners = new int[LANES];
            for (int l = 0; l < LANES; l++) {
                int r = Math.min(rows - 1, l / width);
                at1[l] = r >= 1;
                at2[l] = r >= 2;
                // output row r's windows start 2r input rows (4r width values) further
                corners[l] = 4 * r * width + 2 * (l - r * width);
            }
            from1 = VectorMask.fromArray(SPECIES, at1, 0);
            from2 = VectorMask.fromArray(SPECIES, at2, 0);
            corner = IntVector.fromArray(INT_SPECIES, corners, 0);
        }

        /**
         * For the lanes of output row {@code row}, the position in its input row's vector of their
         * window's left ({@code side} 0) or right value; any position in range elsewhere (those lanes
         * take another row's values, or land where later rows write).
         */
        private static VectorShuffle<Float> pairs(int width, int rows, int row, int side) {
            int[] positions = new int[LANES];
            for (int l = 0; l < LANES; l++) {
                int r = Math.min(rows - 1, l / width);
                int position = 2 * (l - r * width) + side;
                positions[l] = r == row && position < LANES ? position : 0;
            }
            return VectorShuffle.fromArray(SPECIES, positions, 0);
        }
    }

    /**
     * {@link RowWindows} by output row width, made once: two rows to a vector for rows of a third to
     * half a vector, three for rows of a quarter to a third; null for the others.
     */
    private static final RowWindows[] ROW_WINDOWS = new RowWindows[LANES / 2 + 1];

    static {
        for (int width = LANES / 4 + 1; width <= LANES / 2; width++) {
            ROW_WINDOWS[width] = new RowWindows(width, 3 * width <= LANES ? 3 : 2);
        }
    }

    /** {@code factor·l + start} for each lane {@code l}. */
    private static int[] multiples(int factor, int start) {
        int[] values = new int[LANES];
        for (int l = 0; l < LANES; l++) {
            values[l] = factor * l + start;
        }
        return values;
    }

    /** Whether vectors are wide enough here (8 lanes and more) to beat the plain loops. */
    static boolean wideEnough() {
        return LANES >= 8;
    }

    /**
     * The operations {@link VectorOperationPrimer} ran before the first set was made: once the vector
     * kernels are chosen, and before any of them runs (a machine whose vectors are too narrow,
     * which {@link Kernels} asks {@link #wideEnough} first, never pays for it).
     */
    final int primedOperations = Primed.OPERATIONS;

    /** Primes on first use, once: the holder class is initialized when the first set is made. */
    private static final class Primed {
        static final int OPERATIONS = VectorOperationPrimer.prime();
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public boolean convolvesTransposedWeights() {
        return true;
    }

    @Override
    public boolean sumsWeightGradientAlongRows(ConvGeometry g, int filters) {
        return VectorRowConvolution.takesWeightGradient(g) || VectorFiveByFive.takes(g, filters);
    }

    @Override
    public int weightGradientSums(ConvGeometry g, int filters, int samples) {
        return VectorRowConvolution.takesWeightGradient(g) ? VectorRowConvolution.WEIGHT_GRADIENT_SUMS
                : VectorFiveByFive.weightGradientSums(g, filters, samples);
    }

    @Override
    public void addWeightGradientAlongRows(ConvGeometry g, int[] steps, int filters, int samples, float[] padded,
            int paddedSize, float[] outputGradient, int outputGradientOffset, float[] weightGradient,
            int weightGradientOffset, float[] sums) {
        if (VectorRowConvolution.takesWeightGradient(g)) {
            VectorRowConvolution.addWeightGradient(g, steps, filters, samples, padded, paddedSize, outputGradient,
                    outputGradientOffset, weightGradient, weightGradientOffset, sums);
        } else {
            VectorFiveByFive.addWeightGradient(g, steps, filters, samples, padded, paddedSize, outputGradient,
                    outputGradientOffset, weightGradient, weightGradientOffset, sums);
        }
    }

    @Override
    public void convolve(ConvGeometry g, int[] steps, int filters, int first, int end, float[] padded,
            float[] weights, int weightOffset, float[] bias, int biasOffset, float[] output, int outputOffset,
            float[] scratch) {
        if (VectorRowConvolution.takes(g)) {
            VectorRowConvolution.convolve(g, steps, filters, first, end, padded, weights, bias, biasOffset, output,
                    outputOffset);
        } else if (VectorFiveByFive.takes(g, filters)) {
            VectorFiveByFive.convolve(g, filters, first, end, padded, weights, bias, biasOffset, output, outputOffset,
                    scratch);
        } else {
            VectorConvolution.convolve(g, steps, filters, first, end, padded, weights, bias, biasOffset, output,
                    outputOffset, scratch);
        }
    }

    /**
     * None along rows (written straight into the output); twice the output in blocks of ten (a share
     * computed in the whole vectors around it, transposed apart); else the output's size, the
     * positions' sums before they are transposed into the output.
     */
    @Override
    public int convolutionScratch(ConvGeometry g, int filters) {
        if (VectorRowConvolution.takes(g)) {
            return 0;
        }
        return (VectorFiveByFive.takes(g, filters) ? 2 : 1) * g.pixels() * filters;
    }

    @Override
    public void winogradPad(WinogradTiles w, float[] input, int inputOffset, int height, int width, int pad,
            float[] dense, float[] padded) {
        VectorWinograd.pad(w, input, inputOffset, height, width, pad, dense, padded);
    }

    @Override
    public void winogradConvolve(WinogradTiles w, int first, int end, float[] padded, float[] u, float[] bias,
            int biasOffset, float[] blockInput, float[] blockProducts, float[] scratch, float[] output,
            int outputOffset) {
        VectorWinograd.convolve(w, first, end, padded, u, bias, biasOffset, blockInput, blockProducts, scratch,
                output, outputOffset);
    }

    @Override
    public void winogradConvolvePooled(WinogradTiles w, int first, int end, float[] padded, float[] u, float[] bias,
            int biasOffset, float[] blockInput, float[] blockProducts, float[] scratch, float[] pooled,
            int pooledOffset) {
        VectorWinograd.convolvePooled(w, first, end, padded, u, bias, biasOffset, blockInput, blockProducts, scratch,
                pooled, pooledOffset);
    }

    @Override
    public void winogradWeightProducts(WinogradTiles w, float[] padded, float[] outputGradient,
            int outputGradientOffset, float[] dense, float[] v, float[] m, float[] z) {
        VectorWinogradWeights.products(w, padded, outputGradient, outputGradientOffset, dense, v, m,
                z);
    }

    @Override
    public void multiplyAdd(int m, int k, int n, float[] a, int aOffset, int aRowStride, int aColumnStride,
            float[] b, int bOffset, float[] c, int cOffset) {
        int i = 0;
        if (n >= LANES) {
            int sixes = m / 6;
            int left = m - 6 * sixes;
            if (sixes > 0 && (left == 2 || left == 3)) {
                sixes--; // two blocks of four rows (and one row) rather than two or three one-row blocks
            }
            for (; i < 6 * sixes; i += 6) {
                sixRows(k, n, a, aOffset + i * aRowStride, aRowStride, aColumnStride, b, bOffset, c, cOffset + i * n);
            }
        }
        for (; i + 4 <= m; i += 4) {
            fourRows(k, n, a, aOffset + i * aRowStride, aRowStride, aColumnStride, b, bOffset, c, cOffset + i * n);
        }
        for (; i < m; i++) {
            oneRow(k, n, a, aOffset + i * aRowStride, aColumnStride, b, bOffset, c, cOffset + i * n);
        }
    }

    /**
     * Rows {@code a0 .. a0 + 5 aRowStride} of {@code A} times {@code B} into six rows of {@code C}
     * ({@code n >= LANES}): the four-vector blocks, at most one block of two vectors and one of one
     * vector, then the last {@code n mod LANES} columns as the vector that ends at the row's end with
     * only those lanes added. Only chooses the blocks; each loop is a method of its own that C2
     * compiles with every Vector API call inlined.
     */
    private static void sixRows(int k, int n, float[] a, int a0, int aRowStride, int aColumnStride, float[] b,
            int bOffset, float[] c, int c0) {
        int j = n - n % (4 * LANES);
        if (j > 0) {
            sixRowsFourVectors(k, n, j, a, a0, aRowStride, aColumnStride, b, bOffset, c, c0);
        }
        if (j + 2 * LANES <= n) {
            sixRowsTwoVectors(k, n, j, a, a0, aRowStride, aColumnStride, b, bOffset, c, c0);
            j += 2 * LANES;
        }
        if (j + LANES <= n) {
            sixRowsVector(k, n, j, LANES, a, a0, aRowStride, aColumnStride, b, bOffset, c, c0);
            j += LANES;
        }
        if (j < n) {
            sixRowsVector(k, n, n - LANES, n - j, a, a0, aRowStride, aColumnStride, b, bOffset, c, c0);
        }
    }

    /**
     * Columns {@code 0 .. end - 1} ({@code end} a multiple of {@code 4 LANES}) of six rows, four
     * vectors at a time: twenty-four accumulators, and per step of {@code p} four loads of {@code B}
     * and six broadcasts of {@code A} for twenty-four multiply-adds.
     */
    private static void sixRowsFourVectors(int k, int n, int end, float[] a, int a0, int aRowStride,
            int aColumnStride, float[] b, int bOffset, float[] c, int c0) {
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        int a4 = a3 + aRowStride;
        int a5 = a4 + aRowStride;
        for (int j = 0; j < end; j += 4 * LANES) {
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
            for (int p = 0, ap = 0, bp = bOffset + j; p < k; p++, ap += aColumnStride, bp += n) {
                FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
                FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
                FloatVector b2 = FloatVector.fromArray(SPECIES, b, bp + 2 * LANES);
                FloatVector b3 = FloatVector.fromArray(SPECIES, b, bp + 3 * LANES);
                FloatVector x = FloatVector.broadcast(SPECIES, a[a0 + ap]);
                s00 = b0.fma(x, s00);
                s01 = b1.fma(x, s01);
                s02 = b2.fma(x, s02);
                s03 = b3.fma(x, s03);
                x = FloatVector.broadcast(SPECIES, a[a1 + ap]);
                s10 = b0.fma(x, s10);
                s11 = b1.fma(x, s11);
                s12 = b2.fma(x, s12);
                s13 = b3.fma(x, s13);
                x = FloatVector.broadcast(SPECIES, a[a2 + ap]);
                s20 = b0.fma(x, s20);
                s21 = b1.fma(x, s21);
                s22 = b2.fma(x, s22);
                s23 = b3.fma(x, s23);
                x = FloatVector.broadcast(SPECIES, a[a3 + ap]);
                s30 = b0.fma(x, s30);
                s31 = b1.fma(x, s31);
                s32 = b2.fma(x, s32);
                s33 = b3.fma(x, s33);
                x = FloatVector.broadcast(SPECIES, a[a4 + ap]);
                s40 = b0.fma(x, s40);
                s41 = b1.fma(x, s41);
                s42 = b2.fma(x, s42);
                s43 = b3.fma(x, s43);
                x = FloatVector.broadcast(SPECIES, a[a5 + ap]);
                s50 = b0.fma(x, s50);
                s51 = b1.fma(x, s51);
                s52 = b2.fma(x, s52);
                s53 = b3.fma(x, s53);
            }
            int row0 = c0 + j;
            s00.add(FloatVector.fromArray(SPECIES, c, row0)).intoArray(c, row0);
            s01.add(FloatVector.fromArray(SPECIES, c, row0 + LANES)).intoArray(c, row0 + LANES);
            s02.add(FloatVector.fromArray(SPECIES, c, row0 + 2 * LANES)).intoArray(c, row0 + 2 * LANES);
            s03.add(FloatVector.fromArray(SPECIES, c, row0 + 3 * LANES)).intoArray(c, row0 + 3 * LANES);
            int row1 = row0 + n;
            s10.add(FloatVector.fromArray(SPECIES, c, row1)).intoArray(c, row1);
            s11.add(FloatVector.fromArray(SPECIES, c, row1 + LANES)).intoArray(c, row1 + LANES);
            s12.add(FloatVector.fromArray(SPECIES, c, row1 + 2 * LANES)).intoArray(c, row1 + 2 * LANES);
            s13.add(FloatVector.fromArray(SPECIES, c, row1 + 3 * LANES)).intoArray(c, row1 + 3 * LANES);
            int row2 = row1 + n;
            s20.add(FloatVector.fromArray(SPECIES, c, row2)).intoArray(c, row2);
            s21.add(FloatVector.fromArray(SPECIES, c, row2 + LANES)).intoArray(c, row2 + LANES);
            s22.add(FloatVector.fromArray(SPECIES, c, row2 + 2 * LANES)).intoArray(c, row2 + 2 * LANES);
            s23.add(FloatVector.fromArray(SPECIES, c, row2 + 3 * LANES)).intoArray(c, row2 + 3 * LANES);
            int row3 = row2 + n;
            s30.add(FloatVector.fromArray(SPECIES, c, row3)).intoArray(c, row3);
            s31.add(FloatVector.fromArray(SPECIES, c, row3 + LANES)).intoArray(c, row3 + LANES);
            s32.add(FloatVector.fromArray(SPECIES, c, row3 + 2 * LANES)).intoArray(c, row3 + 2 * LANES);
            s33.add(FloatVector.fromArray(SPECIES, c, row3 + 3 * LANES)).intoArray(c, row3 + 3 * LANES);
            int row4 = row3 + n;
            s40.add(FloatVector.fromArray(SPECIES, c, row4)).intoArray(c, row4);
            s41.add(FloatVector.fromArray(SPECIES, c, row4 + LANES)).intoArray(c, row4 + LANES);
            s42.add(FloatVector.fromArray(SPECIES, c, row4 + 2 * LANES)).intoArray(c, row4 + 2 * LANES);
            s43.add(FloatVector.fromArray(SPECIES, c, row4 + 3 * LANES)).intoArray(c, row4 + 3 * LANES);
            int row5 = row4 + n;
            s50.add(FloatVector.fromArray(SPECIES, c, row5)).intoArray(c, row5);
            s51.add(FloatVector.fromArray(SPECIES, c, row5 + LANES)).intoArray(c, row5 + LANES);
            s52.add(FloatVector.fromArray(SPECIES, c, row5 + 2 * LANES)).intoArray(c, row5 + 2 * LANES);
            s53.add(FloatVector.fromArray(SPECIES, c, row5 + 3 * LANES)).intoArray(c, row5 + 3 * LANES);
        }
    }

    /** Columns {@code j .. j + 2 LANES - 1} of six rows. */
    private static void sixRowsTwoVectors(int k, int n, int j, float[] a, int a0, int aRowStride,
            int aColumnStride, float[] b, int bOffset, float[] c, int c0) {
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        int a4 = a3 + aRowStride;
        int a5 = a4 + aRowStride;
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
        for (int p = 0, ap = 0, bp = bOffset + j; p < k; p++, ap += aColumnStride, bp += n) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
            FloatVector x = FloatVector.broadcast(SPECIES, a[a0 + ap]);
            s00 = b0.fma(x, s00);
            s01 = b1.fma(x, s01);
            x = FloatVector.broadcast(SPECIES, a[a1 + ap]);
            s10 = b0.fma(x, s10);
            s11 = b1.fma(x, s11);
            x = FloatVector.broadcast(SPECIES, a[a2 + ap]);
            s20 = b0.fma(x, s20);
            s21 = b1.fma(x, s21);
            x = FloatVector.broadcast(SPECIES, a[a3 + ap]);
            s30 = b0.fma(x, s30);
            s31 = b1.fma(x, s31);
            x = FloatVector.broadcast(SPECIES, a[a4 + ap]);
            s40 = b0.fma(x, s40);
            s41 = b1.fma(x, s41);
            x = FloatVector.broadcast(SPECIES, a[a5 + ap]);
            s50 = b0.fma(x, s50);
            s51 = b1.fma(x, s51);
        }
        int row0 = c0 + j;
        s00.add(FloatVector.fromArray(SPECIES, c, row0)).intoArray(c, row0);
        s01.add(FloatVector.fromArray(SPECIES, c, row0 + LANES)).intoArray(c, row0 + LANES);
        int row1 = row0 + n;
        s10.add(FloatVector.fromArray(SPECIES, c, row1)).intoArray(c, row1);
        s11.add(FloatVector.fromArray(SPECIES, c, row1 + LANES)).intoArray(c, row1 + LANES);
        int row2 = row1 + n;
        s20.add(FloatVector.fromArray(SPECIES, c, row2)).intoArray(c, row2);
        s21.add(FloatVector.fromArray(SPECIES, c, row2 + LANES)).intoArray(c, row2 + LANES);
        int row3 = row2 + n;
        s30.add(FloatVector.fromArray(SPECIES, c, row3)).intoArray(c, row3);
        s31.add(FloatVector.fromArray(SPECIES, c, row3 + LANES)).intoArray(c, row3 + LANES);
        int row4 = row3 + n;
        s40.add(FloatVector.fromArray(SPECIES, c, row4)).intoArray(c, row4);
        s41.add(FloatVector.fromArray(SPECIES, c, row4 + LANES)).intoArray(c, row4 + LANES);
        int row5 = row4 + n;
        s50.add(FloatVector.fromArray(SPECIES, c, row5)).intoArray(c, row5);
        s51.add(FloatVector.fromArray(SPECIES, c, row5 + LANES)).intoArray(c, row5 + LANES);
    }

    /** Columns {@code j .. j + LANES - 1} of six rows, the last {@code kept} added, as {@link #fourRowsVector}. */
    private static void sixRowsVector(int k, int n, int j, int kept, float[] a, int a0, int aRowStride,
            int aColumnStride, float[] b, int bOffset, float[] c, int c0) {
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        int a4 = a3 + aRowStride;
        int a5 = a4 + aRowStride;
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        for (int p = 0, ap = 0, bp = bOffset + j; p < k; p++, ap += aColumnStride, bp += n) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
            s0 = b0.fma(FloatVector.broadcast(SPECIES, a[a0 + ap]), s0);
            s1 = b0.fma(FloatVector.broadcast(SPECIES, a[a1 + ap]), s1);
            s2 = b0.fma(FloatVector.broadcast(SPECIES, a[a2 + ap]), s2);
            s3 = b0.fma(FloatVector.broadcast(SPECIES, a[a3 + ap]), s3);
            s4 = b0.fma(FloatVector.broadcast(SPECIES, a[a4 + ap]), s4);
            s5 = b0.fma(FloatVector.broadcast(SPECIES, a[a5 + ap]), s5);
        }
        IntVector keep = IntVector.fromArray(INT_SPECIES, KEEP_LAST, kept);
        IntVector negativeZero = IntVector.fromArray(INT_SPECIES, NEGATIVE_ZERO_FIRST, kept);
        int row0 = c0 + j;
        s0.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, row0)).intoArray(c, row0);
        int row1 = row0 + n;
        s1.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, row1)).intoArray(c, row1);
        int row2 = row1 + n;
        s2.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, row2)).intoArray(c, row2);
        int row3 = row2 + n;
        s3.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, row3)).intoArray(c, row3);
        int row4 = row3 + n;
        s4.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, row4)).intoArray(c, row4);
        int row5 = row4 + n;
        s5.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, row5)).intoArray(c, row5);
    }

    /**
     * Rows {@code a0 .. a0 + 3 aRowStride} of {@code A} times {@code B} into four rows of {@code C}:
     * the four-vector blocks, at most one block of two vectors and one of one vector, then the last
     * {@code n mod LANES} columns as the vector that ends at the row's end with only those lanes
     * added. Only chooses the blocks; each loop is a method of its own that C2 compiles with every
     * Vector API call inlined.
     */
    private static void fourRows(int k, int n, float[] a, int a0, int aRowStride, int aColumnStride, float[] b,
            int bOffset, float[] c, int c0) {
        int j = n - n % (4 * LANES);
        if (j > 0) {
            fourRowsFourVectors(k, n, j, a, a0, aRowStride, aColumnStride, b, bOffset, c, c0);
        }
        if (j + 2 * LANES <= n) {
            fourRowsTwoVectors(k, n, j, a, a0, aRowStride, aColumnStride, b, bOffset, c, c0);
            j += 2 * LANES;
        }
        if (j + LANES <= n) {
            fourRowsVector(k, n, j, LANES, a, a0, aRowStride, aColumnStride, b, bOffset, c, c0);
            j += LANES;
        }
        if (j < n) {
            if (n >= LANES) {
                fourRowsVector(k, n, n - LANES, n - j, a, a0, aRowStride, aColumnStride, b, bOffset, c, c0);
            } else {
                fourRowsNarrow(k, n, a, a0, aRowStride, aColumnStride, b, bOffset, c, c0);
            }
        }
    }

    /**
     * Columns {@code 0 .. end - 1} ({@code end} a multiple of {@code 4 LANES}) of four rows, four
     * vectors at a time: sixteen accumulators, four loads and four broadcasts per sixteen
     * multiply-adds.
     */
    private static void fourRowsFourVectors(int k, int n, int end, float[] a, int a0, int aRowStride,
            int aColumnStride, float[] b, int bOffset, float[] c, int c0) {
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        for (int j = 0; j < end; j += 4 * LANES) {
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
            for (int p = 0, ap = 0, bp = bOffset + j; p < k; p++, ap += aColumnStride, bp += n) {
                FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
                FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
                FloatVector b2 = FloatVector.fromArray(SPECIES, b, bp + 2 * LANES);
                FloatVector b3 = FloatVector.fromArray(SPECIES, b, bp + 3 * LANES);
                FloatVector x = FloatVector.broadcast(SPECIES, a[a0 + ap]);
                s00 = b0.fma(x, s00);
                s01 = b1.fma(x, s01);
                s02 = b2.fma(x, s02);
                s03 = b3.fma(x, s03);
                x = FloatVector.broadcast(SPECIES, a[a1 + ap]);
                s10 = b0.fma(x, s10);
                s11 = b1.fma(x, s11);
                s12 = b2.fma(x, s12);
                s13 = b3.fma(x, s13);
                x = FloatVector.broadcast(SPECIES, a[a2 + ap]);
                s20 = b0.fma(x, s20);
                s21 = b1.fma(x, s21);
                s22 = b2.fma(x, s22);
                s23 = b3.fma(x, s23);
                x = FloatVector.broadcast(SPECIES, a[a3 + ap]);
                s30 = b0.fma(x, s30);
                s31 = b1.fma(x, s31);
                s32 = b2.fma(x, s32);
                s33 = b3.fma(x, s33);
            }
            int row0 = c0 + j;
            s00.add(FloatVector.fromArray(SPECIES, c, row0)).intoArray(c, row0);
            s01.add(FloatVector.fromArray(SPECIES, c, row0 + LANES)).intoArray(c, row0 + LANES);
            s02.add(FloatVector.fromArray(SPECIES, c, row0 + 2 * LANES)).intoArray(c, row0 + 2 * LANES);
            s03.add(FloatVector.fromArray(SPECIES, c, row0 + 3 * LANES)).intoArray(c, row0 + 3 * LANES);
            int row1 = row0 + n;
            s10.add(FloatVector.fromArray(SPECIES, c, row1)).intoArray(c, row1);
            s11.add(FloatVector.fromArray(SPECIES, c, row1 + LANES)).intoArray(c, row1 + LANES);
            s12.add(FloatVector.fromArray(SPECIES, c, row1 + 2 * LANES)).intoArray(c, row1 + 2 * LANES);
            s13.add(FloatVector.fromArray(SPECIES, c, row1 + 3 * LANES)).intoArray(c, row1 + 3 * LANES);
            int row2 = row1 + n;
            s20.add(FloatVector.fromArray(SPECIES, c, row2)).intoArray(c, row2);
            s21.add(FloatVector.fromArray(SPECIES, c, row2 + LANES)).intoArray(c, row2 + LANES);
            s22.add(FloatVector.fromArray(SPECIES, c, row2 + 2 * LANES)).intoArray(c, row2 + 2 * LANES);
            s23.add(FloatVector.fromArray(SPECIES, c, row2 + 3 * LANES)).intoArray(c, row2 + 3 * LANES);
            int row3 = row2 + n;
            s30.add(FloatVector.fromArray(SPECIES, c, row3)).intoArray(c, row3);
            s31.add(FloatVector.fromArray(SPECIES, c, row3 + LANES)).intoArray(c, row3 + LANES);
            s32.add(FloatVector.fromArray(SPECIES, c, row3 + 2 * LANES)).intoArray(c, row3 + 2 * LANES);
            s33.add(FloatVector.fromArray(SPECIES, c, row3 + 3 * LANES)).intoArray(c, row3 + 3 * LANES);
        }
    }

    /** Columns {@code j .. j + 2 LANES - 1} of four rows. */
    private static void fourRowsTwoVectors(int k, int n, int j, float[] a, int a0, int aRowStride,
            int aColumnStride, float[] b, int bOffset, float[] c, int c0) {
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        FloatVector s00 = FloatVector.zero(SPECIES);
        FloatVector s01 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        for (int p = 0, ap = 0, bp = bOffset + j; p < k; p++, ap += aColumnStride, bp += n) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
            FloatVector x = FloatVector.broadcast(SPECIES, a[a0 + ap]);
            s00 = b0.fma(x, s00);
            s01 = b1.fma(x, s01);
            x = FloatVector.broadcast(SPECIES, a[a1 + ap]);
            s10 = b0.fma(x, s10);
            s11 = b1.fma(x, s11);
            x = FloatVector.broadcast(SPECIES, a[a2 + ap]);
            s20 = b0.fma(x, s20);
            s21 = b1.fma(x, s21);
            x = FloatVector.broadcast(SPECIES, a[a3 + ap]);
            s30 = b0.fma(x, s30);
            s31 = b1.fma(x, s31);
        }
        int row0 = c0 + j;
        s00.add(FloatVector.fromArray(SPECIES, c, row0)).intoArray(c, row0);
        s01.add(FloatVector.fromArray(SPECIES, c, row0 + LANES)).intoArray(c, row0 + LANES);
        int row1 = row0 + n;
        s10.add(FloatVector.fromArray(SPECIES, c, row1)).intoArray(c, row1);
        s11.add(FloatVector.fromArray(SPECIES, c, row1 + LANES)).intoArray(c, row1 + LANES);
        int row2 = row1 + n;
        s20.add(FloatVector.fromArray(SPECIES, c, row2)).intoArray(c, row2);
        s21.add(FloatVector.fromArray(SPECIES, c, row2 + LANES)).intoArray(c, row2 + LANES);
        int row3 = row2 + n;
        s30.add(FloatVector.fromArray(SPECIES, c, row3)).intoArray(c, row3);
        s31.add(FloatVector.fromArray(SPECIES, c, row3 + LANES)).intoArray(c, row3 + LANES);
    }

    /**
     * Columns {@code j .. j + LANES - 1} of four rows, of which only the last {@code kept} are added
     * to {@code C} (the others, already done by an earlier block, are or-ed to {@code -0.0}, which
     * leaves any value unchanged when added): {@code kept == LANES} for a whole block, fewer for the
     * row's last columns, the vector then ending at the row's end so that neither {@code B} nor
     * {@code C} is read or written outside its rows.
     */
    private static void fourRowsVector(int k, int n, int j, int kept, float[] a, int a0, int aRowStride,
            int aColumnStride, float[] b, int bOffset, float[] c, int c0) {
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        for (int p = 0, ap = 0, bp = bOffset + j; p < k; p++, ap += aColumnStride, bp += n) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
            s0 = b0.fma(FloatVector.broadcast(SPECIES, a[a0 + ap]), s0);
            s1 = b0.fma(FloatVector.broadcast(SPECIES, a[a1 + ap]), s1);
            s2 = b0.fma(FloatVector.broadcast(SPECIES, a[a2 + ap]), s2);
            s3 = b0.fma(FloatVector.broadcast(SPECIES, a[a3 + ap]), s3);
        }
        IntVector keep = IntVector.fromArray(INT_SPECIES, KEEP_LAST, kept);
        IntVector negativeZero = IntVector.fromArray(INT_SPECIES, NEGATIVE_ZERO_FIRST, kept);
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        s0.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, c0 + j)).intoArray(c, c0 + j);
        s1.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, c1 + j)).intoArray(c, c1 + j);
        s2.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, c2 + j)).intoArray(c, c2 + j);
        s3.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, c3 + j)).intoArray(c, c3 + j);
    }

    /**
     * Four rows when {@code C} has fewer columns than a vector: one value at a time, with the same
     * fused multiply-adds in the same order as a vector lane would do them.
     */
    private static void fourRowsNarrow(int k, int n, float[] a, int a0, int aRowStride, int aColumnStride,
            float[] b, int bOffset, float[] c, int c0) {
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        for (int t = 0; t < n; t++) {
            float r0 = 0f;
            float r1 = 0f;
            float r2 = 0f;
            float r3 = 0f;
            for (int p = 0, ap = 0, bp = bOffset + t; p < k; p++, ap += aColumnStride, bp += n) {
                float y = b[bp];
                r0 = Math.fma(y, a[a0 + ap], r0);
                r1 = Math.fma(y, a[a1 + ap], r1);
                r2 = Math.fma(y, a[a2 + ap], r2);
                r3 = Math.fma(y, a[a3 + ap], r3);
            }
            c[c0 + t] += r0;
            c[c1 + t] += r1;
            c[c2 + t] += r2;
            c[c3 + t] += r3;
        }
    }

    /**
     * One row of {@code A}, starting at {@code a0}, times {@code B} into the row of {@code C} at
     * {@code c0}, in the same blocks as {@link #fourRows}.
     */
    private static void oneRow(int k, int n, float[] a, int a0, int aColumnStride, float[] b, int bOffset,
            float[] c, int c0) {
        int j = n - n % (2 * LANES);
        if (j > 0) {
            oneRowTwoVectors(k, n, j, a, a0, aColumnStride, b, bOffset, c, c0);
        }
        if (j + LANES <= n) {
            oneRowVector(k, n, j, LANES, a, a0, aColumnStride, b, bOffset, c, c0);
            j += LANES;
        }
        if (j < n) {
            if (n >= LANES) {
                oneRowVector(k, n, n - LANES, n - j, a, a0, aColumnStride, b, bOffset, c, c0);
            } else {
                oneRowNarrow(k, n, a, a0, aColumnStride, b, bOffset, c, c0);
            }
        }
    }

    /** Columns {@code 0 .. end - 1} ({@code end} a multiple of {@code 2 LANES}) of one row, two vectors at a time. */
    private static void oneRowTwoVectors(int k, int n, int end, float[] a, int a0, int aColumnStride, float[] b,
            int bOffset, float[] c, int c0) {
        for (int j = 0; j < end; j += 2 * LANES) {
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            for (int p = 0, ap = a0, bp = bOffset + j; p < k; p++, ap += aColumnStride, bp += n) {
                FloatVector x = FloatVector.broadcast(SPECIES, a[ap]);
                s0 = FloatVector.fromArray(SPECIES, b, bp).fma(x, s0);
                s1 = FloatVector.fromArray(SPECIES, b, bp + LANES).fma(x, s1);
            }
            s0.add(FloatVector.fromArray(SPECIES, c, c0 + j)).intoArray(c, c0 + j);
            s1.add(FloatVector.fromArray(SPECIES, c, c0 + j + LANES)).intoArray(c, c0 + j + LANES);
        }
    }

    /** Columns {@code j .. j + LANES - 1} of one row, the last {@code kept} added, as {@link #fourRowsVector}. */
    private static void oneRowVector(int k, int n, int j, int kept, float[] a, int a0, int aColumnStride,
            float[] b, int bOffset, float[] c, int c0) {
        FloatVector s = FloatVector.zero(SPECIES);
        for (int p = 0, ap = a0, bp = bOffset + j; p < k; p++, ap += aColumnStride, bp += n) {
            s = FloatVector.fromArray(SPECIES, b, bp).fma(FloatVector.broadcast(SPECIES, a[ap]), s);
        }
        IntVector keep = IntVector.fromArray(INT_SPECIES, KEEP_LAST, kept);
        IntVector negativeZero = IntVector.fromArray(INT_SPECIES, NEGATIVE_ZERO_FIRST, kept);
        s.reinterpretAsInts().and(keep).or(negativeZero).reinterpretAsFloats()
                .add(FloatVector.fromArray(SPECIES, c, c0 + j)).intoArray(c, c0 + j);
    }

    /** One row when {@code C} has fewer columns than a vector, as {@link #fourRowsNarrow}. */
    private static void oneRowNarrow(int k, int n, float[] a, int a0, int aColumnStride, float[] b, int bOffset,
            float[] c, int c0) {
        for (int t = 0; t < n; t++) {
            float r = 0f;
            for (int p = 0, ap = a0, bp = bOffset + t; p < k; p++, ap += aColumnStride, bp += n) {
                r = Math.fma(b[bp], a[ap], r);
            }
            c[c0 + t] += r;
        }
    }

    /**
     * Dot products of rows in register blocks: four rows of {@code A} by four of {@code B}, then the
     * columns left over in four-by-two and four-by-one blocks, and the rows left over as blocks of
     * four rows of {@code B} by two or one of {@code A} (the same kernels with the matrices swapped
     * and {@code C} written transposed). Each block keeps one accumulator per value of {@code C}
     * along the whole inner dimension and reduces it across lanes once at the end, so a long {@code
     * k} (a chunk's pixels in a convolution's weight gradient) costs loads and multiply-adds only.
     */
    @Override
    public void multiplyAddTransposedB(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset,
            float[] c, int cOffset) {
        if (k < LANES) {
            shortDots(m, k, n, a, aOffset, b, bOffset, c, cOffset);
            return;
        }
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOffset + i * k;
            int c0 = cOffset + i * n;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dotFourByFour(k, a, a0, b, bOffset + j * k, c, c0 + j, n, 1);
            }
            if (j + 2 <= n) {
                dotFourByTwo(k, a, a0, b, bOffset + j * k, c, c0 + j, n, 1);
                j += 2;
            }
            if (j < n) {
                dotFourByOne(k, a, a0, b, bOffset + j * k, c, c0 + j, n);
            }
        }
        if (i + 2 <= m) {
            int a0 = aOffset + i * k;
            int c0 = cOffset + i * n;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dotFourByTwo(k, b, bOffset + j * k, a, a0, c, c0 + j, 1, n);
            }
            for (; j < n; j++) {
                c[c0 + j] += dot(k, a, a0, b, bOffset + j * k);
                c[c0 + n + j] += dot(k, a, a0 + k, b, bOffset + j * k);
            }
            i += 2;
        }
        if (i < m) {
            int a0 = aOffset + i * k;
            int c0 = cOffset + i * n;
            int j = 0;
            for (; j + 8 <= n; j += 8) {
                dotEightByOne(k, b, bOffset + j * k, a, a0, c, c0 + j);
            }
            for (; j + 4 <= n; j += 4) {
                dotFourByOne(k, b, bOffset + j * k, a, a0, c, c0 + j, 1);
            }
            for (; j < n; j++) {
                c[c0 + j] += dot(k, a, a0, b, bOffset + j * k);
            }
        }
    }

    /** {@code C += A·Bᵀ} when rows are shorter than a vector: one scalar dot product per value. */
    private static void shortDots(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset, float[] c,
            int cOffset) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOffset + i * n + j] += dotScalar(0, k, a, aOffset + i * k, b, bOffset + j * k);
            }
        }
    }

    /**
     * Transposes {@code B} and multiplies in the register-blocked kernel when {@code C} is wide enough
     * to fill its two-vector blocks and {@link #transposePays} says so.
     */
    @Override
    public void multiplyAddTransposedB(int m, int k, int n, float[] a, int aOffset, float[] b, int bOffset,
            float[] c, int cOffset, float[] scratch, int scratchOffset) {
        if (n >= 2 * LANES && transposePays(m, k)) {
            VectorTranspose.copy(n, k, b, bOffset, scratch, scratchOffset);
            multiplyAdd(m, k, n, a, aOffset, k, 1, scratch, scratchOffset, c, cOffset);
        } else if (swapPays(m, k, n)) {
            // Cᵀ [n×m] = B [n×k] · Aᵀ, the rows of A transposed into the scratch as [k×m] and the
            // product after them, then added to C transposed
            int aTransposed = scratchOffset;
            int product = scratchOffset + k * m;
            VectorTranspose.copy(m, k, a, aOffset, scratch, aTransposed);
            java.util.Arrays.fill(scratch, product, product + n * m, 0f);
            multiplyAdd(n, k, m, b, bOffset, k, 1, scratch, aTransposed, scratch, product);
            VectorTranspose.add(n, m, scratch, product, c, cOffset);
        } else {
            multiplyAddTransposedB(m, k, n, a, aOffset, b, bOffset, c, cOffset);
        }
    }

    /**
     * Whether {@code C [m×n] += A·Bᵀ} with a long inner dimension {@code k} (the weight gradient of a
     * chunk of samples, {@code m} filters) is faster as {@code Cᵀ = B·Aᵀ}, the register-blocked
     * multiply with {@code A} transposed into the scratch ({@code k·m} values, a small part of the
     * {@code k·n} of {@code B} when {@code m} is short next to {@code n}), when the {@code m} columns
     * of {@code Cᵀ} fill whole vectors, and the scratch holds {@code Aᵀ} and the product.
     */
    private static boolean swapPays(int m, int k, int n) {
        return m >= 2 * LANES && m % LANES == 0 && (long) m * (k + n) <= (long) k * n;
    }

    /**
     * Whether transposing {@code B [n×k]} beats the dot products for {@code m} rows of {@code A}: the
     * dot products end in one lane reduction per value of {@code C}, which costs more than the
     * transposition when {@code k} is short, little when it is long; the transposition of {@code k·n}
     * values is paid once for all {@code m} rows. Measured on AVX-512, GFLOP/s dots / transposed:
     * {@code (m, k) = (64, 196)} 35 / 68, {@code (64, 256)} 49 / 55, {@code (16, 100)} 22 / 25,
     * {@code (120, 64)} 22 / 65; {@code (64, 400)} 66 / 47, {@code (16, 256)} 52 / 25, {@code (8,
     * 196)} 36 / 14, {@code (16, 1600)} 84 / 24.
     */
    private static boolean transposePays(int m, int k) {
        return k <= 4L * m || (k < 128 && k <= 8L * m);
    }

    /**
     * The sixteen dot products of rows {@code x0 ..} (four, {@code k} apart) with rows {@code y0 ..}
     * (four, {@code k} apart), the one of {@code x} row {@code r} and {@code y} row {@code q} added
     * to {@code c[c0 + r·xStride + q·yStride]}.
     */
    private static void dotFourByFour(int k, float[] x, int x0, float[] y, int y0, float[] c, int c0, int xStride,
            int yStride) {
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
        int x1 = x0 + k;
        int x2 = x1 + k;
        int x3 = x2 + k;
        int y1 = y0 + k;
        int y2 = y1 + k;
        int y3 = y2 + k;
        int bound = SPECIES.loopBound(k);
        int p = 0;
        for (; p < bound; p += LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, x, x0 + p);
            FloatVector v1 = FloatVector.fromArray(SPECIES, x, x1 + p);
            FloatVector v2 = FloatVector.fromArray(SPECIES, x, x2 + p);
            FloatVector v3 = FloatVector.fromArray(SPECIES, x, x3 + p);
            FloatVector w = FloatVector.fromArray(SPECIES, y, y0 + p);
            s00 = v0.fma(w, s00);
            s10 = v1.fma(w, s10);
            s20 = v2.fma(w, s20);
            s30 = v3.fma(w, s30);
            w = FloatVector.fromArray(SPECIES, y, y1 + p);
            s01 = v0.fma(w, s01);
            s11 = v1.fma(w, s11);
            s21 = v2.fma(w, s21);
            s31 = v3.fma(w, s31);
            w = FloatVector.fromArray(SPECIES, y, y2 + p);
            s02 = v0.fma(w, s02);
            s12 = v1.fma(w, s12);
            s22 = v2.fma(w, s22);
            s32 = v3.fma(w, s32);
            w = FloatVector.fromArray(SPECIES, y, y3 + p);
            s03 = v0.fma(w, s03);
            s13 = v1.fma(w, s13);
            s23 = v2.fma(w, s23);
            s33 = v3.fma(w, s33);
        }
        int c1 = c0 + xStride;
        int c2 = c1 + xStride;
        int c3 = c2 + xStride;
        int d1 = yStride;
        int d2 = 2 * yStride;
        int d3 = 3 * yStride;
        c[c0] += s00.reduceLanes(VectorOperators.ADD);
        c[c0 + d1] += s01.reduceLanes(VectorOperators.ADD);
        c[c0 + d2] += s02.reduceLanes(VectorOperators.ADD);
        c[c0 + d3] += s03.reduceLanes(VectorOperators.ADD);
        c[c1] += s10.reduceLanes(VectorOperators.ADD);
        c[c1 + d1] += s11.reduceLanes(VectorOperators.ADD);
        c[c1 + d2] += s12.reduceLanes(VectorOperators.ADD);
        c[c1 + d3] += s13.reduceLanes(VectorOperators.ADD);
        c[c2] += s20.reduceLanes(VectorOperators.ADD);
        c[c2 + d1] += s21.reduceLanes(VectorOperators.ADD);
        c[c2 + d2] += s22.reduceLanes(VectorOperators.ADD);
        c[c2 + d3] += s23.reduceLanes(VectorOperators.ADD);
        c[c3] += s30.reduceLanes(VectorOperators.ADD);
        c[c3 + d1] += s31.reduceLanes(VectorOperators.ADD);
        c[c3 + d2] += s32.reduceLanes(VectorOperators.ADD);
        c[c3 + d3] += s33.reduceLanes(VectorOperators.ADD);
        if (p < k) {
            dotFourByFourTail(k, k - p, x, x0, y, y0, c, c0, xStride, yStride);
        }
    }

    /**
     * The last {@code r} values ({@code 0 < r < LANES}, {@code k >= LANES}) of {@link
     * #dotFourByFour}'s sixteen dot products, added to {@code C} after the rest: one vector per row
     * ending at the row's end, its lanes before the last {@code r} cleared by an and with {@link
     * #KEEP_LAST}. A method of its own (too big to be inlined into its caller) so that C2 compiles it
     * from its own profile with every Vector API call intrinsified: inside {@code dotFourByFour},
     * where it only ran for some shapes, it sometimes compiled to calls on boxed vectors.
     */
    private static void dotFourByFourTail(int k, int r, float[] x, int x0, float[] y, int y0, float[] c, int c0,
            int xStride, int yStride) {
        int q = k - LANES;
        IntVector keep = IntVector.fromArray(INT_SPECIES, KEEP_LAST, r);
        FloatVector v0 = FloatVector.fromArray(SPECIES, x, x0 + q).reinterpretAsInts().and(keep).reinterpretAsFloats();
        FloatVector v1 = FloatVector.fromArray(SPECIES, x, x0 + k + q).reinterpretAsInts().and(keep).reinterpretAsFloats();
        FloatVector v2 = FloatVector.fromArray(SPECIES, x, x0 + 2 * k + q).reinterpretAsInts().and(keep)
                .reinterpretAsFloats();
        FloatVector v3 = FloatVector.fromArray(SPECIES, x, x0 + 3 * k + q).reinterpretAsInts().and(keep)
                .reinterpretAsFloats();
        int c1 = c0 + xStride;
        int c2 = c1 + xStride;
        int c3 = c2 + xStride;
        for (int t = 0; t < 4; t++) {
            FloatVector w = FloatVector.fromArray(SPECIES, y, y0 + t * k + q).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            int d = t * yStride;
            c[c0 + d] += v0.mul(w).reduceLanes(VectorOperators.ADD);
            c[c1 + d] += v1.mul(w).reduceLanes(VectorOperators.ADD);
            c[c2 + d] += v2.mul(w).reduceLanes(VectorOperators.ADD);
            c[c3 + d] += v3.mul(w).reduceLanes(VectorOperators.ADD);
        }
    }

    /**
     * The eight dot products of rows {@code x0 ..} (four, {@code k} apart) with rows {@code y0,
     * y0 + k}, the one of {@code x} row {@code r} and {@code y} row {@code q} added to {@code c[c0 +
     * r·xStride + q·yStride]}.
     */
    private static void dotFourByTwo(int k, float[] x, int x0, float[] y, int y0, float[] c, int c0, int xStride,
            int yStride) {
        FloatVector s00 = FloatVector.zero(SPECIES);
        FloatVector s01 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        int x1 = x0 + k;
        int x2 = x1 + k;
        int x3 = x2 + k;
        int y1 = y0 + k;
        int bound = SPECIES.loopBound(k);
        int p = 0;
        for (; p < bound; p += LANES) {
            FloatVector w0 = FloatVector.fromArray(SPECIES, y, y0 + p);
            FloatVector w1 = FloatVector.fromArray(SPECIES, y, y1 + p);
            FloatVector v = FloatVector.fromArray(SPECIES, x, x0 + p);
            s00 = v.fma(w0, s00);
            s01 = v.fma(w1, s01);
            v = FloatVector.fromArray(SPECIES, x, x1 + p);
            s10 = v.fma(w0, s10);
            s11 = v.fma(w1, s11);
            v = FloatVector.fromArray(SPECIES, x, x2 + p);
            s20 = v.fma(w0, s20);
            s21 = v.fma(w1, s21);
            v = FloatVector.fromArray(SPECIES, x, x3 + p);
            s30 = v.fma(w0, s30);
            s31 = v.fma(w1, s31);
        }
        int c1 = c0 + xStride;
        int c2 = c1 + xStride;
        int c3 = c2 + xStride;
        c[c0] += s00.reduceLanes(VectorOperators.ADD);
        c[c0 + yStride] += s01.reduceLanes(VectorOperators.ADD);
        c[c1] += s10.reduceLanes(VectorOperators.ADD);
        c[c1 + yStride] += s11.reduceLanes(VectorOperators.ADD);
        c[c2] += s20.reduceLanes(VectorOperators.ADD);
        c[c2 + yStride] += s21.reduceLanes(VectorOperators.ADD);
        c[c3] += s30.reduceLanes(VectorOperators.ADD);
        c[c3 + yStride] += s31.reduceLanes(VectorOperators.ADD);
        if (p < k) {
            dotFourByTwoTail(k, k - p, x, x0, y, y0, c, c0, xStride, yStride);
        }
    }

    /**
     * The last {@code r} values ({@code 0 < r < LANES}, {@code k >= LANES}) of {@link
     * #dotFourByTwo}'s eight dot products, added to {@code C} after the rest, as in {@link
     * #dotFourByFourTail} and for the same reason.
     */
    private static void dotFourByTwoTail(int k, int r, float[] x, int x0, float[] y, int y0, float[] c, int c0,
            int xStride, int yStride) {
        int q = k - LANES;
        IntVector keep = IntVector.fromArray(INT_SPECIES, KEEP_LAST, r);
        FloatVector w0 = FloatVector.fromArray(SPECIES, y, y0 + q).reinterpretAsInts().and(keep).reinterpretAsFloats();
        FloatVector w1 = FloatVector.fromArray(SPECIES, y, y0 + k + q).reinterpretAsInts().and(keep).reinterpretAsFloats();
        for (int t = 0; t < 4; t++) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, x0 + t * k + q).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            int ct = c0 + t * xStride;
            c[ct] += v.mul(w0).reduceLanes(VectorOperators.ADD);
            c[ct + yStride] += v.mul(w1).reduceLanes(VectorOperators.ADD);
        }
    }

    /**
     * The eight dot products of rows {@code x0 ..} (eight, {@code k} apart) with row {@code y0}, the
     * one of {@code x} row {@code r} added to {@code c[c0 + r]}: {@link #dotFourByOne} twice over in
     * one pass, the same sums, with eight rows streaming at once (a matrix-vector product whose
     * matrix comes from L3, FashionNet's fc1 for one image: 20 µs against 22.5 four rows at a time).
     */
    private static void dotEightByOne(int k, float[] x, int x0, float[] y, int y0, float[] c, int c0) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        int x1 = x0 + k;
        int x2 = x1 + k;
        int x3 = x2 + k;
        int x4 = x3 + k;
        int x5 = x4 + k;
        int x6 = x5 + k;
        int x7 = x6 + k;
        int bound = SPECIES.loopBound(k);
        int p = 0;
        for (; p < bound; p += LANES) {
            FloatVector w = FloatVector.fromArray(SPECIES, y, y0 + p);
            s0 = FloatVector.fromArray(SPECIES, x, x0 + p).fma(w, s0);
            s1 = FloatVector.fromArray(SPECIES, x, x1 + p).fma(w, s1);
            s2 = FloatVector.fromArray(SPECIES, x, x2 + p).fma(w, s2);
            s3 = FloatVector.fromArray(SPECIES, x, x3 + p).fma(w, s3);
            s4 = FloatVector.fromArray(SPECIES, x, x4 + p).fma(w, s4);
            s5 = FloatVector.fromArray(SPECIES, x, x5 + p).fma(w, s5);
            s6 = FloatVector.fromArray(SPECIES, x, x6 + p).fma(w, s6);
            s7 = FloatVector.fromArray(SPECIES, x, x7 + p).fma(w, s7);
        }
        c[c0] += s0.reduceLanes(VectorOperators.ADD);
        c[c0 + 1] += s1.reduceLanes(VectorOperators.ADD);
        c[c0 + 2] += s2.reduceLanes(VectorOperators.ADD);
        c[c0 + 3] += s3.reduceLanes(VectorOperators.ADD);
        c[c0 + 4] += s4.reduceLanes(VectorOperators.ADD);
        c[c0 + 5] += s5.reduceLanes(VectorOperators.ADD);
        c[c0 + 6] += s6.reduceLanes(VectorOperators.ADD);
        c[c0 + 7] += s7.reduceLanes(VectorOperators.ADD);
        if (p < k) {
            dotFourByOneTail(k, k - p, x, x0, y, y0, c, c0, 1);
            dotFourByOneTail(k, k - p, x, x4, y, y0, c, c0 + 4, 1);
        }
    }

    /**
     * The four dot products of rows {@code x0 ..} (four, {@code k} apart) with row {@code y0}, the
     * one of {@code x} row {@code r} added to {@code c[c0 + r·xStride]}.
     */
    private static void dotFourByOne(int k, float[] x, int x0, float[] y, int y0, float[] c, int c0, int xStride) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int x1 = x0 + k;
        int x2 = x1 + k;
        int x3 = x2 + k;
        int bound = SPECIES.loopBound(k);
        int p = 0;
        for (; p < bound; p += LANES) {
            FloatVector w = FloatVector.fromArray(SPECIES, y, y0 + p);
            s0 = FloatVector.fromArray(SPECIES, x, x0 + p).fma(w, s0);
            s1 = FloatVector.fromArray(SPECIES, x, x1 + p).fma(w, s1);
            s2 = FloatVector.fromArray(SPECIES, x, x2 + p).fma(w, s2);
            s3 = FloatVector.fromArray(SPECIES, x, x3 + p).fma(w, s3);
        }
        c[c0] += s0.reduceLanes(VectorOperators.ADD);
        c[c0 + xStride] += s1.reduceLanes(VectorOperators.ADD);
        c[c0 + 2 * xStride] += s2.reduceLanes(VectorOperators.ADD);
        c[c0 + 3 * xStride] += s3.reduceLanes(VectorOperators.ADD);
        if (p < k) {
            dotFourByOneTail(k, k - p, x, x0, y, y0, c, c0, xStride);
        }
    }

    /**
     * The last {@code r} values ({@code 0 < r < LANES}, {@code k >= LANES}) of {@link
     * #dotFourByOne}'s four dot products, added to {@code C} after the rest, as in {@link
     * #dotFourByFourTail} and for the same reason.
     */
    private static void dotFourByOneTail(int k, int r, float[] x, int x0, float[] y, int y0, float[] c, int c0,
            int xStride) {
        int q = k - LANES;
        IntVector keep = IntVector.fromArray(INT_SPECIES, KEEP_LAST, r);
        FloatVector w = FloatVector.fromArray(SPECIES, y, y0 + q).reinterpretAsInts().and(keep).reinterpretAsFloats();
        for (int t = 0; t < 4; t++) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, x0 + t * k + q).reinterpretAsInts().and(keep)
                    .reinterpretAsFloats();
            c[c0 + t * xStride] += v.mul(w).reduceLanes(VectorOperators.ADD);
        }
    }

    /** The dot product of {@code n} values of {@code x} at {@code xOffset} and {@code y} at {@code yOffset}. */
    private static float dot(int n, float[] x, int xOffset, float[] y, int yOffset) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        int j = 0;
        for (; j + 2 * LANES <= n; j += 2 * LANES) {
            s0 = FloatVector.fromArray(SPECIES, x, xOffset + j).fma(FloatVector.fromArray(SPECIES, y, yOffset + j), s0);
            s1 = FloatVector.fromArray(SPECIES, x, xOffset + j + LANES)
                    .fma(FloatVector.fromArray(SPECIES, y, yOffset + j + LANES), s1);
        }
        for (; j + LANES <= n; j += LANES) {
            s0 = FloatVector.fromArray(SPECIES, x, xOffset + j).fma(FloatVector.fromArray(SPECIES, y, yOffset + j), s0);
        }
        return s0.add(s1).reduceLanes(VectorOperators.ADD) + dotScalar(j, n, x, xOffset, y, yOffset);
    }

    /** The dot product of {@code x} and {@code y} (from their offsets) over indexes {@code from .. n - 1}. */
    private static float dotScalar(int from, int n, float[] x, int xOffset, float[] y, int yOffset) {
        float s = 0f;
        for (int j = from; j < n; j++) {
            s += x[xOffset + j] * y[yOffset + j];
        }
        return s;
    }

    @Override
    public void multiplyVectorAdd(int m, int n, float[] a, int aOffset, float[] x, int xOffset, float[] y,
            int yOffset) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOffset + i * n;
            int a1 = a0 + n;
            int a2 = a1 + n;
            int a3 = a2 + n;
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            int j = 0;
            for (; j + LANES <= n; j += LANES) {
                FloatVector v = FloatVector.fromArray(SPECIES, x, xOffset + j);
                s0 = FloatVector.fromArray(SPECIES, a, a0 + j).fma(v, s0);
                s1 = FloatVector.fromArray(SPECIES, a, a1 + j).fma(v, s1);
                s2 = FloatVector.fromArray(SPECIES, a, a2 + j).fma(v, s2);
                s3 = FloatVector.fromArray(SPECIES, a, a3 + j).fma(v, s3);
            }
            y[yOffset + i] += s0.reduceLanes(VectorOperators.ADD) + dotScalar(j, n, a, a0, x, xOffset);
            y[yOffset + i + 1] += s1.reduceLanes(VectorOperators.ADD) + dotScalar(j, n, a, a1, x, xOffset);
            y[yOffset + i + 2] += s2.reduceLanes(VectorOperators.ADD) + dotScalar(j, n, a, a2, x, xOffset);
            y[yOffset + i + 3] += s3.reduceLanes(VectorOperators.ADD) + dotScalar(j, n, a, a3, x, xOffset);
        }
        for (; i < m; i++) {
            y[yOffset + i] += dot(n, a, aOffset + i * n, x, xOffset);
        }
    }

    @Override
    public void multiplyTransposedVectorAdd(int m, int n, float[] a, int aOffset, float[] x, int xOffset,
            float[] y, int yOffset) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOffset + i * n;
            int a1 = a0 + n;
            int a2 = a1 + n;
            int a3 = a2 + n;
            FloatVector x0 = FloatVector.broadcast(SPECIES, x[xOffset + i]);
            FloatVector x1 = FloatVector.broadcast(SPECIES, x[xOffset + i + 1]);
            FloatVector x2 = FloatVector.broadcast(SPECIES, x[xOffset + i + 2]);
            FloatVector x3 = FloatVector.broadcast(SPECIES, x[xOffset + i + 3]);
            int j = 0;
            for (; j + LANES <= n; j += LANES) {
                FloatVector s = FloatVector.fromArray(SPECIES, y, yOffset + j);
                s = FloatVector.fromArray(SPECIES, a, a0 + j).fma(x0, s);
                s = FloatVector.fromArray(SPECIES, a, a1 + j).fma(x1, s);
                s = FloatVector.fromArray(SPECIES, a, a2 + j).fma(x2, s);
                s = FloatVector.fromArray(SPECIES, a, a3 + j).fma(x3, s);
                s.intoArray(y, yOffset + j);
            }
            float s0 = x[xOffset + i];
            float s1 = x[xOffset + i + 1];
            float s2 = x[xOffset + i + 2];
            float s3 = x[xOffset + i + 3];
            for (; j < n; j++) {
                y[yOffset + j] += s0 * a[a0 + j] + s1 * a[a1 + j] + s2 * a[a2 + j] + s3 * a[a3 + j];
            }
        }
        for (; i < m; i++) {
            axpy(x[xOffset + i], a, aOffset + i * n, y, yOffset, n);
        }
    }

    @Override
    public void addRowSums(int m, int n, float[] a, int aOffset, float[] y, int yOffset) {
        for (int i = 0; i < m; i++) {
            int row = aOffset + i * n;
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            int j = 0;
            for (; j + 2 * LANES <= n; j += 2 * LANES) {
                s0 = s0.add(FloatVector.fromArray(SPECIES, a, row + j));
                s1 = s1.add(FloatVector.fromArray(SPECIES, a, row + j + LANES));
            }
            for (; j + LANES <= n; j += LANES) {
                s0 = s0.add(FloatVector.fromArray(SPECIES, a, row + j));
            }
            float sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
            for (; j < n; j++) {
                sum += a[row + j];
            }
            y[yOffset + i] += sum;
        }
    }

    @Override
    public void rankOneUpdate(int m, int n, float[] x, int xOffset, float[] y, int yOffset, float[] a,
            int aOffset) {
        for (int i = 0; i < m; i++) {
            axpy(x[xOffset + i], y, yOffset, a, aOffset + i * n, n);
        }
    }

    @Override
    public void add(int n, float[] x, int xOffset, float[] y, int yOffset) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += LANES) {
            FloatVector.fromArray(SPECIES, y, yOffset + j).add(FloatVector.fromArray(SPECIES, x, xOffset + j))
                    .intoArray(y, yOffset + j);
        }
        for (; j < n; j++) {
            y[yOffset + j] += x[xOffset + j];
        }
    }

    /** {@code y[yOffset + j] += s * x[xOffset + j]} for {@code j < n}. */
    private static void axpy(float s, float[] x, int xOffset, float[] y, int yOffset, int n) {
        FloatVector scale = FloatVector.broadcast(SPECIES, s);
        int j = 0;
        for (; j + LANES <= n; j += LANES) {
            FloatVector.fromArray(SPECIES, x, xOffset + j)
                    .fma(scale, FloatVector.fromArray(SPECIES, y, yOffset + j))
                    .intoArray(y, yOffset + j);
        }
        for (; j < n; j++) {
            y[yOffset + j] += s * x[xOffset + j];
        }
    }

    /**
     * One vector load (masked: 0 in the padding lanes; unmasked without padding) and one
     * whole-vector store per window column and output row when an output row fits a vector and the store's spill stays within {@code
     * spillEnd} (LeNet's conv2: runs of 10 in 16 lanes, the spill overwritten by the next row); the
     * other rows, and rows whose load would leave the array, take the scalar loops (JDK 17's masked
     * stores are not intrinsics, and its out-of-range masked loads allocate).
     */
    /**
     * A vector of parameters at a time, its two halves widened to doubles: the same double
     * operations in the same order as {@link PlainKernels#adamRange}, narrowed back for the stores
     * (the step reads the stored, narrowed moments, as the scalar loop does). Only the preferred
     * float shape: loading half-width float vectors here gave the Vector API's shared load and store
     * methods a second class, whose class-check traps put four multiply kernels' compiles past C2's
     * limit in a JVM training with Adam (236 in the six-row multiply), and those kernels boxed.
     */
    @Override
    public void adam(int from, int to, float[] p, float[] g, float[] m, float[] v, double rate, double correction1,
            double correction2, double beta1, double beta2, double epsilon) {
        int i = from;
        double keep1 = 1 - beta1;
        double keep2 = 1 - beta2;
        for (; i + LANES <= to; i += LANES) {
            FloatVector gradients = FloatVector.fromArray(SPECIES, g, i);
            FloatVector means = FloatVector.fromArray(SPECIES, m, i);
            FloatVector meanSquares = FloatVector.fromArray(SPECIES, v, i);
            DoubleVector gradient = widen(gradients, 0);
            DoubleVector mean0 = widen(means, 0).mul(beta1).add(gradient.mul(keep1));
            DoubleVector meanSquare0 = widen(meanSquares, 0).mul(beta2).add(gradient.mul(keep2).mul(gradient));
            gradient = widen(gradients, 1);
            DoubleVector mean1 = widen(means, 1).mul(beta1).add(gradient.mul(keep1));
            DoubleVector meanSquare1 = widen(meanSquares, 1).mul(beta2).add(gradient.mul(keep2).mul(gradient));
            means = narrow(mean0, mean1);
            meanSquares = narrow(meanSquare0, meanSquare1);
            means.intoArray(m, i);
            meanSquares.intoArray(v, i);
            DoubleVector step0 = widen(means, 0).div(correction1).mul(rate)
                    .div(widen(meanSquares, 0).div(correction2).lanewise(VectorOperators.SQRT).add(epsilon));
            DoubleVector step1 = widen(means, 1).div(correction1).mul(rate)
                    .div(widen(meanSquares, 1).div(correction2).lanewise(VectorOperators.SQRT).add(epsilon));
            FloatVector.fromArray(SPECIES, p, i).sub(narrow(step0, step1)).intoArray(p, i);
        }
        PlainKernels.adamRange(i, to, p, g, m, v, rate, correction1, correction2, beta1, beta2, epsilon);
    }

    /** Doubles of the preferred shape: half a vector of floats each. */
    private static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, SPECIES.vectorShape());
    /** The upper half of a vector of floats, where {@link #narrow} puts its second half. */
    private static final VectorMask<Float> UPPER_HALF = SPECIES.indexInRange(-LANES / 2, LANES / 2);

    /** Half {@code part} (0 the lower, 1 the upper) of {@code values}, widened to doubles. */
    private static DoubleVector widen(FloatVector values, int part) {
        return (DoubleVector) values.convertShape(VectorOperators.F2D, DOUBLES, part);
    }

    /** {@code lower} and {@code upper} narrowed to floats, side by side in one vector. */
    private static FloatVector narrow(DoubleVector lower, DoubleVector upper) {
        FloatVector low = (FloatVector) lower.convertShape(VectorOperators.D2F, SPECIES, 0);
        FloatVector high = (FloatVector) upper.convertShape(VectorOperators.D2F, SPECIES, -1);
        return low.blend(high, UPPER_HALF);
    }

    @Override
    public void unfoldWindowRows(int kernel, int pad, int width, int outWidth, int rows, float[] y, int yOffset,
            float[] x, int xOffset, int xStride, int spillEnd) {
        if (outWidth > LANES) {
            PlainKernels.unfoldWindowRows(kernel, pad, width, outWidth, rows, y, yOffset, x, xOffset, xStride);
            return;
        }
        int back = LANES - outWidth;
        for (int i = 0; i < rows; i++) {
            int from = yOffset + i * width - pad;
            int to = xOffset + i * outWidth;
            boolean loadsInside = from >= 0 && from + kernel - 1 + LANES <= y.length;
            if (i * outWidth + LANES > spillEnd && pad == 0 && i > 0 && back <= outWidth && loadsInside
                    && from - width + outWidth - back >= 0) {
                // the last rows, whose spill would pass spillEnd: the vector that ends with the run,
                // its first lanes the row before's last values, loaded from that row's input
                VectorMask<Float> run = LANE_INDEX.compare(VectorOperators.GE, (float) back);
                for (int v = 0; v < kernel; v++) {
                    FloatVector before = FloatVector.fromArray(SPECIES, y, from - width + outWidth - back + v);
                    before.blend(FloatVector.fromArray(SPECIES, y, from - back + v), run)
                            .intoArray(x, to - back + v * xStride);
                }
                continue;
            }
            if (i * outWidth + LANES > spillEnd || !loadsInside
                    || to + (kernel - 1) * xStride + LANES > x.length) {
                PlainKernels.unfoldWindowRows(kernel, pad, width, outWidth, 1, y, yOffset + i * width, x, to, xStride);
                continue;
            }
            if (pad == 0) { // every run lies inside its input row: plain copies, the spill copied too
                for (int v = 0; v < kernel; v++) {
                    FloatVector.fromArray(SPECIES, y, from + v).intoArray(x, to + v * xStride);
                }
                continue;
            }
            for (int v = 0; v < kernel; v++) {
                int shift = v - pad;
                FloatVector.fromArray(SPECIES, y, from + v, lanes(-shift, Math.min(outWidth, width - shift)))
                        .intoArray(x, to + v * xStride);
            }
        }
    }

    /**
     * When an input row fits a vector: the row is loaded once, each window column's values are added
     * to the lanes they land on (a masked add, which leaves the other lanes as they are, a {@code
     * -0.0} included), in increasing {@code v}, and the row is stored once, its spill unchanged;
     * rows whose spill would pass {@code spillEnd} or whose loads would leave an array take the
     * scalar loops. A window five wide (LeNet-5's) has its own loop, its five masks made once per
     * call: 2.0-2.5 µs for LeNet-5's conv2 on one sample against 4.5-5.6 with a mask made per row
     * and column.
     */
    @Override
    public void foldAddWindowRows(int kernel, int pad, int width, int outWidth, int rows, float[] x, int xOffset,
            int xStride, float[] y, int yOffset, int spillEnd) {
        if (width > LANES) {
            PlainKernels.foldAddWindowRows(kernel, pad, width, outWidth, rows, x, xOffset, xStride, y, yOffset);
            return;
        }
        // the rows i < vectorRows keep their loads and stores inside the arrays and the spill
        long inside = Math.min(Math.floorDiv(Math.min((long) spillEnd, (long) y.length - yOffset) - LANES, width),
                Math.floorDiv((long) x.length - LANES - xOffset - pad - (long) (kernel - 1) * (xStride - 1),
                        Math.max(1, outWidth)));
        int vectorRows = (int) Math.max(0, Math.min(rows, inside + 1));
        if (kernel == 5) {
            foldAddFiveColumns(pad, width, outWidth, vectorRows, x, xOffset, xStride, y, yOffset);
        } else {
            foldAddColumns(kernel, pad, width, outWidth, vectorRows, x, xOffset, xStride, y, yOffset);
        }
        if (vectorRows < rows) {
            PlainKernels.foldAddWindowRows(kernel, pad, width, outWidth, rows - vectorRows, x,
                    xOffset + vectorRows * outWidth, xStride, y, yOffset + vectorRows * width);
        }
    }

    /**
     * {@link #foldAddWindowRows} on rows whose vectors stay inside: the even rows, then the odd ones,
     * so that a row's load never overlaps the spill of the store just before it, which the store
     * buffer cannot forward (a stall per row).
     */
    private static void foldAddColumns(int kernel, int pad, int width, int outWidth, int rows, float[] x,
            int xOffset, int xStride, float[] y, int yOffset) {
        for (int parity = 0; parity < 2; parity++) {
            for (int i = parity; i < rows; i += 2) {
                int to = yOffset + i * width;
                int from = xOffset + i * outWidth + pad;
                FloatVector sum = FloatVector.fromArray(SPECIES, y, to);
                for (int v = 0; v < kernel; v++) {
                    int shift = v - pad;
                    VectorMask<Float> lands = lanes(Math.max(0, shift), Math.min(width, shift + outWidth));
                    sum = sum.add(FloatVector.fromArray(SPECIES, x, from + v * (xStride - 1)), lands);
                }
                sum.intoArray(y, to);
            }
        }
    }

    /** {@link #foldAddColumns} for a window five wide, its masks made once. */
    private static void foldAddFiveColumns(int pad, int width, int outWidth, int rows, float[] x, int xOffset,
            int xStride, float[] y, int yOffset) {
        VectorMask<Float> lands0 = lanes(Math.max(0, -pad), Math.min(width, outWidth - pad));
        VectorMask<Float> lands1 = lanes(Math.max(0, 1 - pad), Math.min(width, 1 - pad + outWidth));
        VectorMask<Float> lands2 = lanes(Math.max(0, 2 - pad), Math.min(width, 2 - pad + outWidth));
        VectorMask<Float> lands3 = lanes(Math.max(0, 3 - pad), Math.min(width, 3 - pad + outWidth));
        VectorMask<Float> lands4 = lanes(Math.max(0, 4 - pad), Math.min(width, 4 - pad + outWidth));
        int step = xStride - 1;
        for (int parity = 0; parity < 2; parity++) {
            for (int i = parity; i < rows; i += 2) {
                int to = yOffset + i * width;
                int from = xOffset + i * outWidth + pad;
                FloatVector sum = FloatVector.fromArray(SPECIES, y, to);
                sum = sum.add(FloatVector.fromArray(SPECIES, x, from), lands0);
                sum = sum.add(FloatVector.fromArray(SPECIES, x, from + step), lands1);
                sum = sum.add(FloatVector.fromArray(SPECIES, x, from + 2 * step), lands2);
                sum = sum.add(FloatVector.fromArray(SPECIES, x, from + 3 * step), lands3);
                sum = sum.add(FloatVector.fromArray(SPECIES, x, from + 4 * step), lands4);
                sum.intoArray(y, to);
            }
        }
    }

    /** The lanes {@code from <= l < to}. */
    private static VectorMask<Float> lanes(int from, int to) {
        return LANE_INDEX.compare(VectorOperators.GE, (float) from)
                .and(LANE_INDEX.compare(VectorOperators.LT, (float) to));
    }

    private static float[] laneIndices() {
        float[] indices = new float[LANES];
        for (int l = 0; l < LANES; l++) {
            indices[l] = l;
        }
        return indices;
    }

    @Override
    public void maxPool(MaxPooling pool, int planes, int planeSize, int outputs, int[] corners, int[] offsets,
            float[] x, int xOffset, float[] y, int yOffset, int[] argmax, int argmaxOffset) {
        int outWidth = pool.outputWidth();
        int outHeight = pool.outputHeight();
        if (pool.window() == 2 && pool.stride() == 2 && outWidth <= LANES && 2 * outWidth > LANES && outHeight > 1) {
            for (int c = 0; c < planes; c++) {
                int first = c * outputs;
                maxPoolRowPairs(outHeight, pool.width(), outWidth, x, xOffset + c * planeSize, y, yOffset + first,
                        argmax, argmaxOffset + first);
            }
            return;
        }
        int rows = planes * outHeight;
        RowWindows windows = outWidth <= LANES / 2 ? ROW_WINDOWS[outWidth] : null;
        if (pool.window() == 2 && pool.stride() == 2 && windows != null && pool.width() == 2 * outWidth
                && pool.height() == 2 * outHeight && planeSize == pool.height() * pool.width()
                && outputs == outHeight * outWidth) {
            int done = windows.rows == 3
                    ? maxPoolThreeRows(rows, outWidth, windows, x, xOffset, y, yOffset, argmax, argmaxOffset)
                    : maxPoolTwoRows(rows, outWidth, windows, x, xOffset, y, yOffset, argmax, argmaxOffset);
            for (int o = done * outWidth; o < rows * outWidth; o++) {
                int c = o / outputs;
                PlainKernels.maxPoolWindow(o - c * outputs, offsets, corners, x, xOffset + c * planeSize, y,
                        yOffset + c * outputs, argmax, argmaxOffset + c * outputs);
            }
            return;
        }
        int group = MaxPooling.GROUP;
        int c = 0;
        for (; c + group <= planes; c += group) {
            maxPoolVectors(group * outputs, corners, offsets, x, xOffset + c * planeSize, y, yOffset + c * outputs,
                    argmax, argmaxOffset + c * outputs);
        }
        int left = (planes - c) * outputs;
        int whole = left - left % LANES;
        int base = xOffset + c * planeSize;
        maxPoolVectors(whole, corners, offsets, x, base, y, yOffset + c * outputs, argmax, argmaxOffset + c * outputs);
        for (int o = whole; o < left; o++) {
            PlainKernels.maxPoolWindow(o, offsets, corners, x, base, y, yOffset + c * outputs, argmax, argmaxOffset + c * outputs);
        }
    }

    /**
     * The {@code rows} output rows of a 2×2, stride-2 max pooling of the plane at {@code plane} whose
     * output rows are at most a vector and more than half of one wide: each row's two input rows are
     * two vectors each, whose even and odd lanes are the windows' left and right columns; the row's
     * outputs and indices are written as whole vectors. The lanes past a row read the rows below and
     * land on the next row's first outputs, which that row writes after. The last row, which has no
     * row below inside the plane, is taken as the vector that ends where the plane's outputs end: its
     * first {@code LANES - outWidth} lanes are the windows that end the row above, and keep what that
     * row wrote (blended back in, with no masked store).
     */
    private static void maxPoolRowPairs(int rows, int width, int outWidth, float[] x, int plane, float[] y, int y0,
            int[] argmax, int a0) {
        VectorMask<Float> second = LANE_INDEX.compare(VectorOperators.GE, LANES / 2);
        for (int i = 0; i < rows; i++) {
            int back = i == rows - 1 ? LANES - outWidth : 0;
            int top = plane + 2 * i * width - 2 * back;
            int bottom = top + width;
            FloatVector top0 = FloatVector.fromArray(SPECIES, x, top);
            FloatVector top1 = FloatVector.fromArray(SPECIES, x, top + LANES);
            FloatVector bottom0 = FloatVector.fromArray(SPECIES, x, bottom);
            FloatVector bottom1 = FloatVector.fromArray(SPECIES, x, bottom + LANES);
            IntVector corner = TWICE_LANE.add(top);
            FloatVector max = top0.rearrange(EVEN_LANES).blend(top1.rearrange(EVEN_LANES), second);
            IntVector best = corner;
            FloatVector value = top0.rearrange(ODD_LANES).blend(top1.rearrange(ODD_LANES), second);
            best = best.blend(corner.add(1), value.compare(VectorOperators.GT, max).cast(INT_SPECIES));
            max = max.lanewise(VectorOperators.MAX, value);
            value = bottom0.rearrange(EVEN_LANES).blend(bottom1.rearrange(EVEN_LANES), second);
            best = best.blend(corner.add(width), value.compare(VectorOperators.GT, max).cast(INT_SPECIES));
            max = max.lanewise(VectorOperators.MAX, value);
            value = bottom0.rearrange(ODD_LANES).blend(bottom1.rearrange(ODD_LANES), second);
            best = best.blend(corner.add(width + 1), value.compare(VectorOperators.GT, max).cast(INT_SPECIES));
            max = max.lanewise(VectorOperators.MAX, value);
            int at = i * outWidth - back;
            if (back > 0) {
                VectorMask<Float> written = LANE_INDEX.compare(VectorOperators.LT, back);
                max = max.blend(FloatVector.fromArray(SPECIES, y, y0 + at), written);
                best = best.blend(IntVector.fromArray(INT_SPECIES, argmax, a0 + at), written.cast(INT_SPECIES));
            }
            max.intoArray(y, y0 + at);
            best.intoArray(argmax, a0 + at);
        }
    }

    /**
     * 2×2, stride-2 max pooling of planes that the windows tile exactly, with output rows of {@code
     * outWidth} values, two rows fitting in a vector: the planes' rows taken as one tall plane (their
     * input rows come in pairs that never straddle two planes), two output rows a vector, from
     * whole-vector loads of their four input rows instead of four gathers. The lanes past the two
     * rows read the next rows and land on the next rows' outputs, which are written after. Returns
     * the number of output rows done, all but the last two or three (whose loads or stores would
     * pass the planes), which are left to the caller. The same comparisons in the same order as
     * {@link #maxPoolVectors}.
     */
    private static int maxPoolTwoRows(int rows, int outWidth, RowWindows windows, float[] x, int x0, float[] y,
            int y0, int[] argmax, int a0) {
        int width = 2 * outWidth;
        int t = 0;
        for (; t + 3 <= rows; t += 2) {
            int top = x0 + 2 * t * width;
            FloatVector row0 = FloatVector.fromArray(SPECIES, x, top);
            FloatVector row1 = FloatVector.fromArray(SPECIES, x, top + width);
            FloatVector row2 = FloatVector.fromArray(SPECIES, x, top + 2 * width);
            FloatVector row3 = FloatVector.fromArray(SPECIES, x, top + 3 * width);
            IntVector corner = windows.corner.add(top);
            FloatVector max = row0.rearrange(windows.left0).blend(row2.rearrange(windows.left1),
                    windows.from1);
            IntVector best = corner;
            FloatVector value = row0.rearrange(windows.right0).blend(row2.rearrange(windows.right1),
                    windows.from1);
            best = best.blend(corner.add(1), value.compare(VectorOperators.GT, max).cast(INT_SPECIES));
            max = max.lanewise(VectorOperators.MAX, value);
            value = row1.rearrange(windows.left0).blend(row3.rearrange(windows.left1), windows.from1);
            best = best.blend(corner.add(width), value.compare(VectorOperators.GT, max).cast(INT_SPECIES));
            max = max.lanewise(VectorOperators.MAX, value);
            value = row1.rearrange(windows.right0).blend(row3.rearrange(windows.right1), windows.from1);
            best = best.blend(corner.add(width + 1), value.compare(VectorOperators.GT, max).cast(INT_SPECIES));
            max = max.lanewise(VectorOperators.MAX, value);
            max.intoArray(y, y0 + t * outWidth);
            best.intoArray(argmax, a0 + t * outWidth);
        }
        return t;
    }

    /**
     * {@link #maxPoolTwoRows} for output rows of a quarter to a third of a vector (LeNet-5's second
     * pooling, rows of 5): three output rows a vector from their six input rows. Returns the number
     * of output rows done, all but the last three to five. The comparisons are written out as in
     * {@link #maxPoolTwoRows}: a method taking the four vectors of values, shared by both, ran at
     * 1.6-1.7 ns a window here against 1.3 (and 1.0-1.6 against 1.0 for rows of 7).
     */
    private static int maxPoolThreeRows(int rows, int outWidth, RowWindows windows, float[] x, int x0, float[] y,
            int y0, int[] argmax, int a0) {
        int width = 2 * outWidth;
        int t = 0;
        for (; t + 4 <= rows; t += 3) {
            int top = x0 + 2 * t * width;
            FloatVector row0 = FloatVector.fromArray(SPECIES, x, top);
            FloatVector row1 = FloatVector.fromArray(SPECIES, x, top + width);
            FloatVector row2 = FloatVector.fromArray(SPECIES, x, top + 2 * width);
            FloatVector row3 = FloatVector.fromArray(SPECIES, x, top + 3 * width);
            FloatVector row4 = FloatVector.fromArray(SPECIES, x, top + 4 * width);
            FloatVector row5 = FloatVector.fromArray(SPECIES, x, top + 5 * width);
            IntVector corner = windows.corner.add(top);
            FloatVector max = row0.rearrange(windows.left0).blend(row2.rearrange(windows.left1), windows.from1)
                    .blend(row4.rearrange(windows.left2), windows.from2);
            IntVector best = corner;
            FloatVector value = row0.rearrange(windows.right0).blend(row2.rearrange(windows.right1), windows.from1)
                    .blend(row4.rearrange(windows.right2), windows.from2);
            best = best.blend(corner.add(1), value.compare(VectorOperators.GT, max).cast(INT_SPECIES));
            max = max.lanewise(VectorOperators.MAX, value);
            value = row1.rearrange(windows.left0).blend(row3.rearrange(windows.left1), windows.from1)
                    .blend(row5.rearrange(windows.left2), windows.from2);
            best = best.blend(corner.add(width), value.compare(VectorOperators.GT, max).cast(INT_SPECIES));
            max = max.lanewise(VectorOperators.MAX, value);
            value = row1.rearrange(windows.right0).blend(row3.rearrange(windows.right1), windows.from1)
                    .blend(row5.rearrange(windows.right2), windows.from2);
            best = best.blend(corner.add(width + 1), value.compare(VectorOperators.GT, max).cast(INT_SPECIES));
            max = max.lanewise(VectorOperators.MAX, value);
            max.intoArray(y, y0 + t * outWidth);
            best.intoArray(argmax, a0 + t * outWidth);
        }
        return t;
    }

    /**
     * The first {@code count} outputs (a multiple of {@code LANES}) of the planes from {@code base}:
     * each vector gathers one value of sixteen windows, compares it with their maxima so far and
     * blends the greater ones in, with their indices.
     */
    private static void maxPoolVectors(int count, int[] corners, int[] offsets, float[] x, int base, float[] y,
            int y0, int[] argmax, int a0) {
        for (int o = 0; o < count; o += LANES) {
            IntVector corner = IntVector.fromArray(INT_SPECIES, corners, o).add(base);
            FloatVector max = FloatVector.fromArray(SPECIES, x, base, corners, o);
            IntVector best = corner;
            for (int w = 1; w < offsets.length; w++) {
                FloatVector value = FloatVector.fromArray(SPECIES, x, base + offsets[w], corners, o);
                VectorMask<Float> greater = value.compare(VectorOperators.GT, max);
                best = best.blend(corner.add(offsets[w]), greater.cast(INT_SPECIES));
                max = max.lanewise(VectorOperators.MAX, value);
            }
            max.intoArray(y, y0 + o);
            best.intoArray(argmax, a0 + o);
        }
    }

    @Override
    public void maxPoolBackward(int count, boolean distinct, float[] dy, int dyOffset, float[] y, int[] argmax,
            int argmaxOffset, float[] dx) {
        int k = 0;
        if (distinct) {
            k = count - count % LANES;
            if (y == null) {
                scatterAdd(k, dy, dyOffset, argmax, argmaxOffset, dx);
            } else {
                scatterAddPositive(k, dy, dyOffset, y, argmax, argmaxOffset, dx);
            }
        }
        PlainKernels.maxPoolBackward(k, count, dy, dyOffset, y, argmax, argmaxOffset, dx);
    }

    /**
     * For 2×2 windows by 2 that tile the plane exactly, with output rows of more than half a vector
     * and at most one (both networks' pool1): each output row's two input rows written once, a
     * vector of gradients spread over the two windows' columns it covers, 0 where the window's
     * maximum is not; otherwise clearing then adding, as {@link KernelSet#maxPoolBackwardInto}.
     */
    @Override
    public void maxPoolBackwardInto(MaxPooling pool, int planes, float[] dy, int dyOffset, float[] y,
            int[] argmax, int argmaxOffset, float[] dx, int dxOffset) {
        int outWidth = pool.outputWidth();
        int outHeight = pool.outputHeight();
        int width = pool.width();
        if (pool.window() != 2 || pool.stride() != 2 || outWidth > LANES || 2 * outWidth <= LANES
                || width != 2 * outWidth || pool.height() != 2 * outHeight || outHeight < 2) {
            KernelSet.super.maxPoolBackwardInto(pool, planes, dy, dyOffset, y, argmax, argmaxOffset, dx, dxOffset);
            return;
        }
        int planeSize = pool.height() * width;
        int outputs = outHeight * outWidth;
        for (int c = 0; c < planes; c++) {
            int plane = dxOffset + c * planeSize;
            int first = c * outputs;
            spreadRowPairs(outHeight, width, outWidth, dy, dyOffset + first, y, argmax, argmaxOffset + first, dx,
                    plane);
        }
    }

    /**
     * The {@code rows} output rows of one plane, each written as its two input rows: the row's
     * gradients as a vector (0 where {@code y <= 0} when {@code y} is given, and {@code 0 + g} as
     * clearing then adding makes it, a -0.0 turned to +0.0), lane {@code l} of an input row's first
     * vector taking window {@code l / 2} and of its second window {@code LANES / 2 + l / 2}, kept
     * where the window's maximum is at that position. The lanes past a row read the next row's
     * gradients and write into the rows below, which are written after. The last row, with no row
     * below, is taken as the vector that ends where the plane's outputs end: its first {@code LANES -
     * outWidth} windows end the row above, and its first lanes in each input row land on the input
     * row before, which they write again with the same values as before (the positions of those
     * windows); so its bottom input row is written first, then its top one, over the lanes the bottom
     * one spilled onto the end of the top one.
     */
    private static void spreadRowPairs(int rows, int width, int outWidth, float[] dy, int d0, float[] y,
            int[] argmax, int a0, float[] dx, int plane) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int i = 0; i < rows; i++) {
            int back = i == rows - 1 ? LANES - outWidth : 0;
            int o = i * outWidth - back;
            FloatVector gradient = FloatVector.fromArray(SPECIES, dy, d0 + o);
            if (y != null) {
                gradient = zero.blend(gradient,
                        FloatVector.fromArray(SPECIES, y, d0 + o).compare(VectorOperators.GT, 0f));
            }
            gradient = zero.add(gradient);
            IntVector index = IntVector.fromArray(INT_SPECIES, argmax, a0 + o);
            FloatVector low = gradient.rearrange(SPREAD_LOW);
            FloatVector high = gradient.rearrange(SPREAD_HIGH);
            IntVector lowIndex = index.rearrange(SPREAD_LOW_INT);
            IntVector highIndex = index.rearrange(SPREAD_HIGH_INT);
            int top = plane + 2 * i * width - 2 * back;
            if (back == 0) {
                spreadRow(low, high, lowIndex, highIndex, dx, top);
                spreadRow(low, high, lowIndex, highIndex, dx, top + width);
            } else {
                spreadRow(low, high, lowIndex, highIndex, dx, top + width);
                spreadRow(low, high, lowIndex, highIndex, dx, top);
            }
        }
    }

    /** Writes one input row from a row's spread gradients: each where its window's index is that position, else 0. */
    private static void spreadRow(FloatVector low, FloatVector high, IntVector lowIndex, IntVector highIndex,
            float[] dx, int row) {
        FloatVector zero = FloatVector.zero(SPECIES);
        VectorMask<Float> at = lowIndex.compare(VectorOperators.EQ, LANE.add(row)).cast(SPECIES);
        zero.blend(low, at).intoArray(dx, row);
        at = highIndex.compare(VectorOperators.EQ, LANE.add(row + LANES)).cast(SPECIES);
        zero.blend(high, at).intoArray(dx, row + LANES);
    }

    /** {@code dx[argmax[k]] += dy[k]} for the first {@code count} (a multiple of {@code LANES}), indices distinct. */
    private static void scatterAdd(int count, float[] dy, int dyOffset, int[] argmax, int argmaxOffset, float[] dx) {
        for (int k = 0; k < count; k += LANES) {
            FloatVector sum = FloatVector.fromArray(SPECIES, dx, 0, argmax, argmaxOffset + k)
                    .add(FloatVector.fromArray(SPECIES, dy, dyOffset + k));
            sum.intoArray(dx, 0, argmax, argmaxOffset + k);
        }
    }

    /** {@link #scatterAdd}, each lane adding 0 where {@code y <= 0}, the ReLU's backward step. */
    private static void scatterAddPositive(int count, float[] dy, int dyOffset, float[] y, int[] argmax,
            int argmaxOffset, float[] dx) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int k = 0; k < count; k += LANES) {
            FloatVector gradient = FloatVector.fromArray(SPECIES, dy, dyOffset + k);
            VectorMask<Float> positive = FloatVector.fromArray(SPECIES, y, dyOffset + k).compare(VectorOperators.GT, 0f);
            FloatVector sum = FloatVector.fromArray(SPECIES, dx, 0, argmax, argmaxOffset + k)
                    .add(zero.blend(gradient, positive));
            sum.intoArray(dx, 0, argmax, argmaxOffset + k);
        }
    }
}
