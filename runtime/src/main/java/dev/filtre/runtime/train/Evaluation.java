package dev.filtre.runtime.train;

import java.util.Locale;

/**
 * A model measured on a data set, in evaluation mode (no dropout).
 *
 * @param loss the mean loss
 * @param accuracy the fraction classified right; {@code NaN} for a regression loss
 * @param confusionMatrix counts of (true, predicted) classes; {@code null} for a regression loss
 * @param samples the number of samples measured
 */
public record Evaluation(double loss, double accuracy, ConfusionMatrix confusionMatrix, int samples) {
    @Override
    public String toString() {
        return Double.isNaN(accuracy)
                ? String.format(Locale.ROOT, "loss %.4f on %d samples", loss, samples)
                : String.format(Locale.ROOT, "loss %.4f, accuracy %.2f%% on %d samples", loss, 100 * accuracy, samples);
    }
}
