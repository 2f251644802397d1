package dev.filtre.runtime.train;

/**
 * Hears how training goes, e.g. to draw a progress bar. Every method does nothing by default.
 * Called on the thread that called {@link Trainer#fit}.
 */
public interface ProgressListener {
    /** An epoch begins. */
    default void epochStarted(int epoch, int epochs, int samples) {}

    /**
     * A batch was trained.
     *
     * @param samplesDone samples trained so far in this epoch
     * @param samples samples in the epoch
     * @param meanLoss the mean loss of the epoch so far
     * @param accuracy the accuracy of the epoch so far ({@code NaN} for a regression loss)
     */
    default void batchFinished(int epoch, int epochs, int samplesDone, int samples, double meanLoss, double accuracy) {}

    /** An epoch ended (after its validation). */
    default void epochFinished(EpochResult result, int epochs) {}

    /** Prints nothing. */
    static ProgressListener silent() {
        return new ProgressListener() {};
    }

    /**
     * Prints to {@code System.out}: a progress bar with images/s and ETA when attached to a
     * terminal ({@code System.console() != null}), one plain line per epoch otherwise.
     */
    static ProgressListener console() {
        return new ConsoleProgress(System.out, System.console() != null);
    }
}
