package dev.filtre.kernels;

/**
 * The random sequence of {@link java.util.SplittableRandom} (SplitMix64), draw for draw, in an
 * object that can be reseeded in place: a training loop that gives every sample its own dropout
 * seed reseeds the model's generator instead of allocating a new one per sample.
 *
 * <p>{@code new ReseedableRandom(s)} and {@code reseed(s)} give exactly the doubles of
 * {@code new SplittableRandom(s).nextDouble()}, and {@link #split()} exactly those of
 * {@code SplittableRandom.split()}, so masks drawn before this class existed are drawn again
 * unchanged. Not thread-safe: one instance per model instance.
 */
public final class ReseedableRandom {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;
    private long gamma;

    /** A generator seeded with {@code seed}, as {@code new SplittableRandom(seed)}. */
    public ReseedableRandom(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private ReseedableRandom(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** Restarts the sequence of {@code new SplittableRandom(seed)}; allocates nothing. */
    public void reseed(long seed) {
        this.seed = seed;
        this.gamma = GOLDEN_GAMMA;
    }

    /**
     * Restarts the sequence from {@code seed} and skips its first {@code draws} values: the state
     * {@code reseed(seed)} followed by {@code draws} calls of {@link #nextLong()} or {@link
     * #nextDouble()} would leave, in one step. A model whose dropout layers draw from one sequence
     * per sample uses it to give each layer the part of the sample's sequence it would have drawn.
     */
    public void reseed(long seed, long draws) {
        this.seed = seed + draws * GOLDEN_GAMMA;
        this.gamma = GOLDEN_GAMMA;
    }

    /** The next value, uniform in {@code [0, 1)}. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * Draws {@code count} dropout mask values into {@code mask} from {@code offset}: for each, in
     * order, {@code nextDouble() < rate ? 0f : keptScale}, the same draws and the same values as that
     * expression, without its branch (which a rate such as 0.25 mispredicts often) and with the
     * sequence's state in a register for the whole loop: the draw's 53 bits compare as an integer
     * with {@code rate·2⁵³} rounded up, and the comparison's sign bit picks the value.
     *
     * @throws IllegalArgumentException when {@code rate} is not in {@code [0, 1]} or the mask does
     *     not hold {@code count} values from {@code offset}
     */
    public void dropoutMask(float[] mask, int offset, int count, double rate, float keptScale) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("dropout rate " + rate + " is not in [0, 1]");
        }
        if (count < 0) {
            throw new IllegalArgumentException("dropout mask: negative count " + count);
        }
        Regions.region("dropout mask", "mask", mask, offset, count);
        // x·2⁻⁵³ < rate exactly when the integer x is below rate·2⁵³ (exact: a power of two), rounded up
        long threshold = (long) Math.ceil(rate * 0x1.0p53);
        long state = seed;
        long step = gamma;
        for (int k = offset; k < offset + count; k++) {
            state += step;
            long bits = mix64(state) >>> 11;
            // 1 when bits < threshold (both below 2⁵³, so the difference's sign says it), else 0
            int dropped = (int) ((bits - threshold) >>> 63);
            mask[k] = (1 - dropped) * keptScale;
        }
        seed = state;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        return mix64(nextSeed());
    }

    /** A new generator with an independent sequence, as {@code SplittableRandom.split()}. */
    public ReseedableRandom split() {
        long childSeed = nextLong();
        return new ReseedableRandom(childSeed, mixGamma(nextSeed()));
    }

    private long nextSeed() {
        return seed += gamma;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
