package dev.filtre.runtime.train;

import dev.filtre.runtime.data.DataSet;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded 8x8 images of one bar (horizontal, vertical or diagonal) on uniform noise in [0, 0.2). */
final class Bars {
    static final List<String> CLASSES = List.of("horizontal", "vertical", "diagonal");

    private Bars() {}

    static DataSet of(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] inputs = new float[size * 64];
        int[] labels = new int[size];
        for (int n = 0; n < size; n++) {
            int label = n % 3;
            labels[n] = label;
            int line = random.nextInt(8);
            boolean anti = random.nextBoolean();
            for (int row = 0; row < 8; row++) {
                for (int column = 0; column < 8; column++) {
                    boolean on = switch (label) {
                        case 0 -> row == line;
                        case 1 -> column == line;
                        default -> anti ? row + column == 7 : row == column;
                    };
                    inputs[n * 64 + row * 8 + column] = (on ? 0.8f : 0) + 0.2f * (float) random.nextDouble();
                }
            }
        }
        return DataSet.ofLabels(inputs, new int[] {1, 8, 8}, labels, CLASSES);
    }
}
