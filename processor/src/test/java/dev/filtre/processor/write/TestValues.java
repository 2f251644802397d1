package dev.filtre.processor.write;

import java.util.SplittableRandom;

/** Inputs and checks the generated-model tests share. */
final class TestValues {
    private TestValues() {}

    /** {@code size} values drawn uniformly from [-1, 1). */
    static float[] uniform(SplittableRandom random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }

    /** The largest magnitude in {@code values}, to check that what a test compares is not all 0. */
    static float maxAbs(float[] values) {
        float max = 0;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
