package dev.filtre.runtime.train;

import dev.filtre.runtime.data.DataSet;

/**
 * A loss function, seen one sample at a time: its value for a model's output and the gradient of
 * that value, which the trainer back-propagates.
 *
 * <p>A batch's loss is the mean of its samples' losses, so the trainer passes {@code scale = 1 /
 * batchSize} and each sample's gradient is already divided by the batch size, as in PyTorch's
 * {@code reduction="mean"}.
 *
 * <p>To train from a gradient computed elsewhere (reinforcement learning), skip {@code Loss}: run
 * {@link dev.filtre.dsl.Model#forward(float[], int)}, {@link
 * dev.filtre.dsl.Model#backward(float[], int)} with your gradient, then {@link
 * Optimizer#step(dev.filtre.dsl.Model)}.
 */
public interface Loss {
    /** Softmax then cross-entropy with the class label, fused and stable; reads the logits. */
    static Loss softmaxCrossEntropy() {
        return SoftmaxCrossEntropy.INSTANCE;
    }

    /** The mean of squared differences with the sample's targets; reads the model's output. */
    static Loss meanSquaredError() {
        return MeanSquaredError.INSTANCE;
    }

    /**
     * True when the loss reads the logits ({@link dev.filtre.dsl.Model#logits()}, before a final
     * softmax) and its gradient goes to {@link dev.filtre.dsl.Model#backwardFromLogits(float[],
     * int)}; false when it reads the output and its gradient goes to {@link
     * dev.filtre.dsl.Model#backward(float[], int)}.
     */
    boolean readsLogits();

    /** True when the loss compares with class labels (then accuracy is measured), false for targets. */
    boolean usesLabels();

    /**
     * The loss of one sample, and its gradient times {@code scale} written to {@code gradient[0..size)}.
     *
     * @param values the logits or the output (see {@link #readsLogits()}), from index 0
     * @param size the number of values
     * @param data where the sample's label or targets are
     * @param sample the sample's index in {@code data}
     * @param gradient receives d(loss * scale)/d values
     * @param scale the factor of the gradient, {@code 1 / batchSize} in training
     * @throws IllegalArgumentException when the data set lacks labels or targets of the right size
     */
    default double sampleLoss(float[] values, int size, DataSet data, int sample, float[] gradient, double scale) {
        return sampleLoss(values, 0, size, data, sample, gradient, 0, scale);
    }

    /**
     * The loss of one sample of a batch, and its gradient times {@code scale} written to {@code
     * gradient[gradientOffset .. gradientOffset + size)}.
     *
     * @param values the batch's logits or outputs (see {@link #readsLogits()})
     * @param valuesOffset where the sample's values start in {@code values}
     * @param size the number of values
     * @param data where the sample's label or targets are
     * @param sample the sample's index in {@code data}
     * @param gradient receives d(loss * scale)/d values
     * @param gradientOffset where the sample's gradient starts in {@code gradient}
     * @param scale the factor of the gradient, {@code 1 / batchSize} in training
     * @throws IllegalArgumentException when the data set lacks labels or targets of the right size
     */
    double sampleLoss(float[] values, int valuesOffset, int size, DataSet data, int sample, float[] gradient,
            int gradientOffset, double scale);
}
