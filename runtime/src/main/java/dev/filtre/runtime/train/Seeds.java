package dev.filtre.runtime.train;

/**
 * How a training run derives every random seed from its one seed, so that the same seed gives the
 * same run bit for bit on one thread (and for a given thread count).
 *
 * <ul>
 *   <li>Epoch {@code e} (from 0) visits the training samples in the order
 *       {@code Permutations.shuffled(size, derive(seed, SHUFFLE, e))}.
 *   <li>The sample at position {@code i} of the batch processed at step {@code s} (from 0 over the
 *       run) gets {@code model.seedDropout(derive(seed, DROPOUT, s, i))} before its forward pass,
 *       so its dropout mask does not depend on which thread runs it.
 * </ul>
 *
 * {@code derive} starts from {@code h = mix(seed)} and for each part {@code x} computes {@code h =
 * mix(h ^ mix(x + GOLDEN))}, where {@code mix} is SplitMix64's finalizer and {@code GOLDEN =
 * 0x9E3779B97F4A7C15}.
 */
public final class Seeds {
    /** The purpose tag of the epoch shuffles. */
    public static final long SHUFFLE = 1;

    /** The purpose tag of the dropout masks. */
    public static final long DROPOUT = 2;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    /** A seed derived from {@code seed} and {@code parts}, as the class comment defines it. */
    public static long derive(long seed, long... parts) {
        long h = mix(seed);
        for (long part : parts) {
            h = extend(h, part);
        }
        return h;
    }

    /**
     * {@code derive(seed, a..., part)} from {@code derived = derive(seed, a...)}: one more part,
     * without an array, for the per-sample seeds of a training step.
     */
    static long extend(long derived, long part) {
        return mix(derived ^ mix(part + GOLDEN));
    }

    /** SplitMix64's finalizer: a bijection on 64 bits that scatters nearby inputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
