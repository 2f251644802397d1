package dev.filtre.runtime.train;

import java.time.Duration;
import java.util.Locale;

/**
 * What one training epoch measured. Accuracies are fractions in {@code [0, 1]}; they are {@code NaN}
 * for a regression loss, and the validation figures are {@code NaN} when there was no validation
 * set. The training figures are the means over the epoch's batches as they were trained (with
 * dropout, weights changing along the way), as Keras reports them.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss the mean training loss
 * @param trainAccuracy the fraction of training samples classified right
 * @param validationLoss the mean loss on the validation set after the epoch
 * @param validationAccuracy the validation accuracy after the epoch
 * @param learningRate the learning rate of the epoch's last step
 * @param time how long the epoch took, validation included
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double learningRate, Duration time) {

    /** True when the epoch was followed by a validation. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }

    /**
     * One line, e.g. {@code epoch 2: loss 0.4123, accuracy 85.10% | validation loss 0.3987, accuracy 85.70% | 12.3 s},
     * with a '.' decimal point whatever the default locale.
     */
    @Override
    public String toString() {
        return "epoch " + epoch + ": " + figures();
    }

    /** The figures of {@link #toString()} without the epoch number. */
    String figures() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "loss %.4f", trainLoss));
        if (!Double.isNaN(trainAccuracy)) {
            line.append(String.format(Locale.ROOT, ", accuracy %.2f%%", 100 * trainAccuracy));
        }
        if (hasValidation()) {
            line.append(String.format(Locale.ROOT, " | validation loss %.4f", validationLoss));
            if (!Double.isNaN(validationAccuracy)) {
                line.append(String.format(Locale.ROOT, ", accuracy %.2f%%", 100 * validationAccuracy));
            }
        }
        return line.append(String.format(Locale.ROOT, " | %.1f s", time.toNanos() / 1e9)).toString();
    }
}
