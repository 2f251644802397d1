package dev.filtre.runtime.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows training progress on a console. On a terminal, a bar redrawn in place (at most 10 times a
 * second) with the running loss and accuracy, images per second and the time left, then a line
 * per epoch; elsewhere (a log file, CI) only the line per epoch. Numbers are written with a '.'
 * decimal point whatever the default locale, so logs read and parse the same everywhere.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private long epochStart;
    private long lastDraw;

    /**
     * @param out where to print
     * @param terminal whether {@code out} is a terminal that understands a carriage return
     */
    public ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int samples) {
        epochStart = System.nanoTime();
        lastDraw = 0;
    }

    @Override
    public void batchFinished(int epoch, int epochs, int samplesDone, int samples, double meanLoss, double accuracy) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (samplesDone < samples && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        out.print('\r' + bar(epoch, epochs, samplesDone, samples, meanLoss, accuracy, (now - epochStart) / 1e9));
        out.flush();
    }

    @Override
    public void epochFinished(EpochResult result, int epochs) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println("Epoch " + result.epoch() + "/" + epochs + "  " + result.figures());
        out.flush();
    }

    /**
     * One state of the bar, e.g. {@code Epoch 1/5 [=========>          ] 19200/60000 loss 0.5210
     * acc 81.3% 2400 img/s ETA 0:17}.
     */
    static String bar(int epoch, int epochs, int done, int total, double loss, double accuracy, double seconds) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        StringBuilder bar = new StringBuilder("Epoch ").append(epoch).append('/').append(epochs).append(" [");
        for (int i = 0; i < BAR_WIDTH; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        bar.append("] ").append(done).append('/').append(total);
        bar.append(String.format(Locale.ROOT, " loss %.4f", loss));
        if (!Double.isNaN(accuracy)) {
            bar.append(String.format(Locale.ROOT, " acc %.1f%%", 100 * accuracy));
        }
        double rate = seconds > 0 ? done / seconds : 0;
        bar.append(String.format(Locale.ROOT, " %.0f img/s", rate));
        if (rate > 0) {
            long left = Math.round((total - done) / rate);
            bar.append(String.format(Locale.ROOT, " ETA %d:%02d", left / 60, left % 60));
        }
        return bar.toString();
    }
}
