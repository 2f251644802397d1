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
    /** The worker's share of a training batch, its samples one after another. */
    float[] batchInputs = new float[0];
    /** The dropout seed of each sample of {@link #batchInputs}. */
    long[] batchSeeds = new long[0];
    /** d(loss)/d logits (or outputs) of each sample of {@link #batchInputs}. */
    float[] batchGradient = new float[0];
    double lossSum;
    long correct;
    ConfusionMatrix confusion;

    Worker(Model model) {
        this.model = model;
        this.lossGradient = new float[model.outputSize()];
    }

    /** Gives the batch buffers room for {@code samples}; allocates on a fit's first step only. */
    void ensureBatch(int samples) {
        if (batchSeeds.length < samples) {
            batchInputs = new float[samples * model.inputSize()];
            batchSeeds = new long[samples];
            batchGradient = new float[samples * model.outputSize()];
        }
    }

    void resetMeasures() {
        lossSum = 0;
        correct = 0;
    }

    /** The index of the largest value among the first {@code size} (the first one on ties). */
    static int argmax(float[] values, int size) {
        return argmax(values, 0, size);
    }

    /** The index, from {@code offset}, of the largest of {@code size} values (the first one on ties). */
    static int argmax(float[] values, int offset, int size) {
        int best = 0;
        for (int j = 1; j < size; j++) {
            if (values[offset + j] > values[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
