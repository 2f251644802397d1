package dev.filtre.runtime.train;

import dev.filtre.runtime.data.DataSet;

/**
 * Softmax followed by cross-entropy, fused: {@code loss = log(sum_j exp(x_j)) - x_label}, computed
 * as {@code m + log(sum_j exp(x_j - m)) - x_label} with {@code m = max_j x_j} (log-sum-exp), so
 * logits of ±1000 give the exact loss instead of overflowing; the gradient with respect to the
 * logits is {@code softmax(x) - onehot(label)}. Arithmetic is in double, read from and written to
 * float arrays, with {@link StrictMath} so that a training run gives the same bits on every
 * platform.
 */
public final class SoftmaxCrossEntropy implements Loss {
    static final SoftmaxCrossEntropy INSTANCE = new SoftmaxCrossEntropy();

    private SoftmaxCrossEntropy() {}

    /**
     * The loss of one sample and {@code scale * (softmax - onehot)} into {@code gradient}.
     *
     * @param logits the sample's logits, from {@code offset}
     * @param classes the number of logits
     * @param label the true class, in {@code [0, classes)}
     * @param gradient receives the scaled gradient, from {@code gradientOffset}
     */
    public static double loss(float[] logits, int offset, int classes, int label, float[] gradient, int gradientOffset,
            double scale) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " is not one of the " + classes + " classes");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            sum += StrictMath.exp(logits[offset + j] - max);
        }
        double logSumExp = max + StrictMath.log(sum);
        for (int j = 0; j < classes; j++) {
            double probability = StrictMath.exp(logits[offset + j] - max) / sum;
            gradient[gradientOffset + j] = (float) (scale * (probability - (j == label ? 1 : 0)));
        }
        return logSumExp - logits[offset + label];
    }

    /**
     * The mean loss of a batch of logits ({@code batch} rows of {@code classes}), with {@code
     * (softmax - onehot) / batch} written to {@code gradient}, as PyTorch's {@code
     * cross_entropy(reduction="mean")} gives it.
     */
    public static double meanLoss(float[] logits, int batch, int classes, int[] labels, float[] gradient) {
        double total = 0;
        for (int n = 0; n < batch; n++) {
            total += loss(logits, n * classes, classes, labels[n], gradient, n * classes, 1.0 / batch);
        }
        return total / batch;
    }

    @Override
    public boolean readsLogits() {
        return true;
    }

    @Override
    public boolean usesLabels() {
        return true;
    }

    @Override
    public double sampleLoss(float[] values, int valuesOffset, int size, DataSet data, int sample, float[] gradient,
            int gradientOffset, double scale) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("softmax cross-entropy needs class labels; " + data
                    + " has targets: use Loss.meanSquaredError()");
        }
        return loss(values, valuesOffset, size, data.label(sample), gradient, gradientOffset, scale);
    }

    @Override
    public String toString() {
        return "softmax cross-entropy";
    }
}
