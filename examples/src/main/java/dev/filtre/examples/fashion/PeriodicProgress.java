package dev.filtre.examples.fashion;

import dev.filtre.runtime.train.ConsoleProgress;
import dev.filtre.runtime.train.EpochResult;
import dev.filtre.runtime.train.ProgressListener;
import java.io.PrintStream;

/**
 * Progress for output that is not a terminal (a log file, a pipe): where a terminal shows a bar
 * redrawn in place, this prints a plain line each time another tenth of an epoch is done, with the
 * running loss and accuracy, images per second and the time left, so a long epoch is never silent.
 * The line per epoch is the runtime's {@link ConsoleProgress}'s.
 */
final class PeriodicProgress implements ProgressListener {
    private static final int STEPS_PER_EPOCH = 10;

    private final PrintStream out;
    private final ConsoleProgress epochLines;
    private long epochStart;
    private int nextTenth;

    PeriodicProgress(PrintStream out) {
        this.out = out;
        this.epochLines = new ConsoleProgress(out, false);
    }

    /** A bar on a terminal, lines every tenth of an epoch elsewhere. */
    static ProgressListener forConsole(PrintStream out) {
        return System.console() != null ? new ConsoleProgress(out, true) : new PeriodicProgress(out);
    }

    @Override
    public void epochStarted(int epoch, int epochs, int samples) {
        epochStart = System.nanoTime();
        nextTenth = 1;
        epochLines.epochStarted(epoch, epochs, samples);
    }

    @Override
    public void batchFinished(int epoch, int epochs, int samplesDone, int samples, double meanLoss, double accuracy) {
        if (samplesDone >= samples || (long) samplesDone * STEPS_PER_EPOCH < (long) nextTenth * samples) {
            return;
        }
        while ((long) samplesDone * STEPS_PER_EPOCH >= (long) nextTenth * samples) {
            nextTenth++;
        }
        out.println(line(epoch, epochs, samplesDone, samples, meanLoss, accuracy, (System.nanoTime() - epochStart) / 1e9));
        out.flush();
    }

    @Override
    public void epochFinished(EpochResult result, int epochs) {
        epochLines.epochFinished(result, epochs);
    }

    /** E.g. {@code   epoch 1/5: 5400/54000 images, loss 0.8123, accuracy 70.1%, 812 img/s, 1:06 left}. */
    static String line(int epoch, int epochs, int done, int total, double loss, double accuracy, double seconds) {
        StringBuilder line = new StringBuilder(String.format("  epoch %d/%d: %d/%d images, loss %.4f",
                epoch, epochs, done, total, loss));
        if (!Double.isNaN(accuracy)) {
            line.append(String.format(", accuracy %.1f%%", 100 * accuracy));
        }
        double rate = seconds > 0 ? done / seconds : 0;
        line.append(String.format(", %.0f img/s", rate));
        if (rate > 0) {
            long left = Math.round((total - done) / rate);
            line.append(String.format(", %d:%02d left", left / 60, left % 60));
        }
        return line.toString();
    }
}
