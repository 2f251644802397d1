package dev.filtre.runtime.train;

import dev.filtre.runtime.data.DataSet;

/**
 * The mean squared error, as PyTorch's {@code mse_loss(reduction="mean")}: a sample's loss is
 * {@code (1/k) sum_j (y_j - t_j)^2} over its {@code k} outputs, its gradient {@code 2 (y_j - t_j) /
 * k}; a batch's loss is the mean of its samples' (so the mean over every element).
 */
public final class MeanSquaredError implements Loss {
    static final MeanSquaredError INSTANCE = new MeanSquaredError();

    private MeanSquaredError() {}

    /** The loss of one sample, with {@code scale * 2 (y - t) / k} written to {@code gradient}. */
    public static double loss(float[] outputs, int offset, float[] targets, int targetOffset, int size, float[] gradient,
            int gradientOffset, double scale) {
        double sum = 0;
        for (int j = 0; j < size; j++) {
            double difference = (double) outputs[offset + j] - targets[targetOffset + j];
            sum += difference * difference;
            gradient[gradientOffset + j] = (float) (scale * 2 * difference / size);
        }
        return sum / size;
    }

    @Override
    public boolean readsLogits() {
        return false;
    }

    @Override
    public boolean usesLabels() {
        return false;
    }

    @Override
    public double sampleLoss(float[] values, int valuesOffset, int size, DataSet data, int sample, float[] gradient,
            int gradientOffset, double scale) {
        if (!data.hasTargets()) {
            throw new IllegalArgumentException("mean squared error needs targets; " + data
                    + " has class labels: use Loss.softmaxCrossEntropy()");
        }
        if (data.targetSize() != size) {
            throw new IllegalArgumentException("the model has " + size + " outputs, the data set " + data.targetSize()
                    + " targets per sample");
        }
        return loss(values, valuesOffset, data.targets(), sample * size, size, gradient, gradientOffset, scale);
    }

    @Override
    public String toString() {
        return "mean squared error";
    }
}
