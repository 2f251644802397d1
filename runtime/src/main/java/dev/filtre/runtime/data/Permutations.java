package dev.filtre.runtime.data;

import java.util.SplittableRandom;

/**
 * Seeded shuffles, the same on every platform and Java version: a Fisher–Yates shuffle driven by
 * {@link SplittableRandom} (whose sequence for a seed is specified), from the last position down.
 */
public final class Permutations {
    private Permutations() {}

    /** The numbers {@code 0..n-1} in an order that depends only on {@code seed}. */
    public static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
