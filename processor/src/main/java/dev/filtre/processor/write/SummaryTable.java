package dev.filtre.processor.write;

import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.CheckedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Keras-style summary of a network: one row per layer (name, kind, output shape, parameters),
 * a {@code (flatten)} row where a dense layer flattens a volume, and the total. The generated
 * {@code summary()} returns it and the generated class's Javadoc shows it, so both always agree.
 *
 * <pre>
 * Net (input 3x5x5)
 * Layer      Kind                     Output shape  Parameters
 * ============================================================
 * conv1      Conv 2&#64;3x3 s2 p1 + ReLU  2x3x3                 56
 * (flatten)  Flatten                  18                     0
 * out        Dense 3 + Softmax        3                     57
 * ============================================================
 * Total params: 113
 * </pre>
 */
public final class SummaryTable {
    private static final String[] HEADERS = {"Layer", "Kind", "Output shape", "Parameters"};
    private static final String GAP = "  ";

    private SummaryTable() {}

    /** The table of {@code network}, lines separated by {@code \n}, without a final newline. */
    public static String render(CheckedNetwork network) {
        List<String[]> rows = new ArrayList<>();
        for (CheckedLayer layer : network.layers()) {
            if (layer.flattensInput()) {
                rows.add(new String[] {"(flatten)", "Flatten", layer.input().flattened().toString(), count(0)});
            }
            rows.add(new String[] {layer.name(), layer.describe(), layer.output().toString(),
                    count(layer.parameterCount())});
        }
        int[] widths = new int[HEADERS.length];
        for (int column = 0; column < HEADERS.length; column++) {
            widths[column] = HEADERS[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        int total = GAP.length() * (HEADERS.length - 1);
        for (int width : widths) {
            total += width;
        }
        String rule = "=".repeat(total);
        StringBuilder table = new StringBuilder();
        table.append(network.name()).append(" (input ").append(network.input()).append(")\n");
        appendRow(table, HEADERS, widths);
        table.append(rule).append('\n');
        for (String[] row : rows) {
            appendRow(table, row, widths);
        }
        table.append(rule).append('\n');
        table.append("Total params: ").append(count(network.parameterCount()));
        return table.toString();
    }

    private static void appendRow(StringBuilder table, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            if (column > 0) {
                line.append(GAP);
            }
            boolean last = column == cells.length - 1;
            String padding = " ".repeat(widths[column] - cells[column].length());
            if (last) {
                line.append(padding).append(cells[column]); // numbers align right
            } else {
                line.append(cells[column]).append(padding);
            }
        }
        table.append(line.toString().stripTrailing()).append('\n');
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
