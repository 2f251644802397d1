package dev.filtre.runtime.train;

import java.util.List;

/**
 * What a call to {@link Trainer#fit} measured, epoch by epoch, like the {@code History} Keras's
 * {@code fit} returns.
 *
 * @param epochs one result per epoch, in order
 */
public record History(List<EpochResult> epochs) {
    public History {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's result. */
    public EpochResult last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch was trained");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The training loss of each epoch. */
    public double[] trainLosses() {
        return epochs.stream().mapToDouble(EpochResult::trainLoss).toArray();
    }

    /** The validation loss of each epoch ({@code NaN} without validation). */
    public double[] validationLosses() {
        return epochs.stream().mapToDouble(EpochResult::validationLoss).toArray();
    }

    /** The validation accuracy of each epoch ({@code NaN} without validation). */
    public double[] validationAccuracies() {
        return epochs.stream().mapToDouble(EpochResult::validationAccuracy).toArray();
    }

    /** One line per epoch. */
    @Override
    public String toString() {
        StringBuilder table = new StringBuilder();
        for (EpochResult epoch : epochs) {
            table.append(epoch).append('\n');
        }
        return table.toString();
    }
}
