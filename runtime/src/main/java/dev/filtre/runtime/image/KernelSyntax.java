package dev.filtre.runtime.image;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and writes kernels as text: {@code "0 -1 0; -1 5 -1; 0 -1 0"}. */
final class KernelSyntax {
    private static final Pattern ROW_SEPARATOR = Pattern.compile("[;\\n]");
    private static final Pattern VALUE_SEPARATOR = Pattern.compile("[\\s,]+");

    private KernelSyntax() {}

    static Kernel parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty kernel: write rows such as \"0 -1 0; -1 5 -1\"");
        }
        String[] rowTexts = ROW_SEPARATOR.split(trimmed, -1);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < rowTexts.length; r++) {
            String rowText = rowTexts[r].strip();
            if (rowText.isEmpty()) {
                if (r == rowTexts.length - 1 && r > 0) {
                    continue; // a trailing ';'
                }
                throw new IllegalArgumentException("kernel row " + (r + 1) + " is empty");
            }
            String[] cells = VALUE_SEPARATOR.split(rowText);
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = number(cells[c], r + 1, c + 1);
            }
            rows.add(row);
        }
        return Kernel.of(rows.toArray(double[][]::new)); // names a row of another length
    }

    private static double number(String cell, int row, int column) {
        int slash = cell.indexOf('/');
        try {
            double value = slash < 0
                    ? Double.parseDouble(cell)
                    : Double.parseDouble(cell.substring(0, slash))
                            / Double.parseDouble(cell.substring(slash + 1));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the position
        }
        throw new IllegalArgumentException(
                "kernel row " + row + ", column " + column + ": '" + cell + "' is not a number");
    }

    /** {@code 4} rather than {@code 4.0}; other values as Java writes them. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
