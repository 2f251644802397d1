package dev.filtre.runtime.train;

import dev.filtre.runtime.data.DataSet;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic data: three Gaussian blobs in 4 dimensions, centred at 2 e_k, σ = 0.5. */
final class Blobs {
    static final List<String> CLASSES = List.of("first", "second", "third");

    private Blobs() {}

    static DataSet of(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] inputs = new float[size * 4];
        int[] labels = new int[size];
        for (int n = 0; n < size; n++) {
            labels[n] = n % 3;
            for (int i = 0; i < 4; i++) {
                inputs[n * 4 + i] = (float) ((i == labels[n] ? 2 : 0) + 0.5 * gaussian(random));
            }
        }
        return DataSet.ofLabels(inputs, new int[] {4}, labels, CLASSES);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
