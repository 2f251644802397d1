package dev.filtre.runtime.train;

import dev.filtre.dsl.Model;

/**
 * One thread's share of a batch: a model instance (the trained model itself for worker 0, a
 * {@link Model#replica()} sharing its parameters for the others), its loss-gradient buffer and
 * what it measured on its samples.
 */
final class Worker {
    final Model model;
    final float[] lossGradient;
    double lossSum;
    long correct;
    ConfusionMatrix confusion;

    Worker(Model model) {
        this.model = model;
        this.lossGradient = new float[model.outputSize()];
    }

    void resetMeasures() {
        lossSum = 0;
        correct = 0;
    }

    /** The index of the largest value among the first {@code size} (the first one on ties). */
    static int argmax(float[] values, int size) {
        int best = 0;
        for (int j = 1; j < size; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        return best;
    }
}
