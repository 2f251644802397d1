package dev.filtre.runtime.train;

import java.util.List;
import java.util.Locale;

/**
 * Counts of (true class, predicted class) pairs: row = the truth, column = the prediction, so the
 * diagonal holds the right answers.
 */
public final class ConfusionMatrix {
    private final List<String> classNames;
    private final long[][] counts;

    ConfusionMatrix(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
        this.counts = new long[classNames.size()][classNames.size()];
    }

    void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    void addAll(ConfusionMatrix other) {
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                counts[i][j] += other.counts[i][j];
            }
        }
    }

    /** The class names, by index. */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * How many samples of class {@code actual} were predicted as {@code predicted}.
     *
     * @throws IndexOutOfBoundsException naming the class index that is not one of the classes
     */
    public long count(int actual, int predicted) {
        checkClass("actual", actual);
        checkClass("predicted", predicted);
        return counts[actual][predicted];
    }

    /** The number of samples counted. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    /**
     * The fraction of samples of class {@code actual} predicted right (recall); NaN when none.
     *
     * @throws IndexOutOfBoundsException when {@code actual} is not one of the classes
     */
    public double recall(int actual) {
        checkClass("actual", actual);
        long row = 0;
        for (long count : counts[actual]) {
            row += count;
        }
        return row == 0 ? Double.NaN : (double) counts[actual][actual] / row;
    }

    private void checkClass(String role, int index) {
        if (index < 0 || index >= counts.length) {
            throw new IndexOutOfBoundsException(role + " class " + index + " is not one of the " + counts.length
                    + " classes " + classNames);
        }
    }

    /** The fraction of samples predicted right. */
    public double accuracy() {
        long right = 0;
        for (int i = 0; i < counts.length; i++) {
            right += counts[i][i];
        }
        return (double) right / total();
    }

    /** A table: one row per true class (named), one column per predicted class (by index), then recall. */
    @Override
    public String toString() {
        int nameWidth = "true \\ predicted".length();
        for (String name : classNames) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        int cellWidth = Math.max(5, Long.toString(total()).length() + 1);
        StringBuilder table =
                new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", "true \\ predicted"));
        for (int j = 0; j < counts.length; j++) {
            table.append(String.format(Locale.ROOT, "%" + cellWidth + "d", j));
        }
        table.append("  recall\n");
        for (int i = 0; i < counts.length; i++) {
            table.append(String.format(Locale.ROOT, "%-" + nameWidth + "s", classNames.get(i)));
            for (int j = 0; j < counts.length; j++) {
                table.append(String.format(Locale.ROOT, "%" + cellWidth + "d", counts[i][j]));
            }
            table.append(String.format(Locale.ROOT, "  %5.1f%%%n", 100 * recall(i)));
        }
        return table.toString();
    }
}
