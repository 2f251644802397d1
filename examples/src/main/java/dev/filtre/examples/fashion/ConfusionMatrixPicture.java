package dev.filtre.examples.fashion;

import dev.filtre.runtime.train.ConfusionMatrix;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws a confusion matrix: one row per true class, one column per predicted class, the count in
 * each cell, and each cell coloured by the share of its row (how often that true class was given
 * that prediction), with a colour bar; the class names label the rows and columns.
 */
public final class ConfusionMatrixPicture {
    static final int CELL = 52;
    private static final int MARGIN = 16;
    private static final int GAP = 8;
    static final int BAR_WIDTH = 18;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font COUNT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color GRID = new Color(0xbdbdbd);

    private ConfusionMatrixPicture() {}

    /** Draws a confusion matrix measured by the trainer, with its class names. */
    public static BufferedImage draw(ConfusionMatrix matrix, String title) {
        int classes = matrix.classNames().size();
        int[][] counts = new int[classes][classes];
        for (int actual = 0; actual < classes; actual++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                counts[actual][predicted] = Math.toIntExact(matrix.count(actual, predicted));
            }
        }
        return draw(counts, matrix.classNames(), title);
    }

    /**
     * Draws {@code counts[trueClass][predictedClass]}.
     *
     * @param classNames one name per class, in index order
     * @param title a line above the matrix, e.g. the network and its accuracy
     * @throws IllegalArgumentException when the matrix is not square with one row per class name,
     *     or holds a negative count
     */
    public static BufferedImage draw(int[][] counts, List<String> classNames, String title) {
        check(counts, classNames);
        Layout layout = Layout.of(classNames, title);
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Pictures.graphics(image);
        try {
            g.setFont(TITLE);
            g.setColor(Color.BLACK);
            g.drawString(title, MARGIN, MARGIN + g.getFontMetrics().getAscent());
            drawCells(g, counts, layout.matrixX(), layout.matrixY());
            drawClassNames(g, classNames, layout.matrixX(), layout.matrixY(), Pictures.metrics(LABEL));
            drawAxisTitles(g, layout.matrixX(), layout.matrixY(), layout.side(), layout.columnLabelsHeight(),
                    Pictures.metrics(AXIS));
            drawColorBar(g, layout.barX(), layout.matrixY(), layout.side(), Pictures.metrics(LABEL),
                    Pictures.metrics(AXIS));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Where things go: the matrix's top-left corner and side, the height of the slanted column
     * names, the colour bar's left edge, and the picture's size.
     */
    record Layout(int matrixX, int matrixY, int side, int columnLabelsHeight, int barX, int width, int height) {
        static Layout of(List<String> classNames, String title) {
            FontMetrics label = Pictures.metrics(LABEL);
            FontMetrics axis = Pictures.metrics(AXIS);
            FontMetrics titleMetrics = Pictures.metrics(TITLE);
            int longestName = classNames.stream().mapToInt(label::stringWidth).max().orElse(0);
            int matrixX = MARGIN + axis.getHeight() + GAP + longestName + GAP;
            int matrixY = MARGIN + titleMetrics.getHeight() + GAP;
            int side = classNames.size() * CELL;
            // Column names are written at 45 degrees, so they take width/sqrt(2) below the matrix.
            int columnLabelsHeight = (int) Math.ceil((longestName + label.getAscent()) / Math.sqrt(2));
            int barX = matrixX + side + 2 * GAP;
            int width = Math.max(
                    barX + BAR_WIDTH + GAP + label.stringWidth("100%") + GAP + axis.getHeight() + MARGIN,
                    MARGIN + titleMetrics.stringWidth(title) + MARGIN);
            int height = matrixY + side + GAP + columnLabelsHeight + GAP + axis.getHeight() + MARGIN;
            return new Layout(matrixX, matrixY, side, columnLabelsHeight, barX, width, height);
        }

        /** The top-left corner of the cell of {@code trueClass}, {@code predictedClass}: {x, y}. */
        int[] cell(int trueClass, int predictedClass) {
            return new int[] {matrixX + predictedClass * CELL, matrixY + trueClass * CELL};
        }
    }

    private static void drawCells(Graphics2D g, int[][] counts, int x0, int y0) {
        g.setFont(COUNT);
        FontMetrics metrics = g.getFontMetrics();
        for (int row = 0; row < counts.length; row++) {
            long rowTotal = 0;
            for (int count : counts[row]) {
                rowTotal += count;
            }
            for (int column = 0; column < counts.length; column++) {
                int count = counts[row][column];
                double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
                int x = x0 + column * CELL;
                int y = y0 + row * CELL;
                g.setColor(ColorScale.colorOf(share));
                g.fillRect(x, y, CELL, CELL);
                g.setColor(GRID);
                g.drawRect(x, y, CELL, CELL);
                String text = Integer.toString(count);
                g.setColor(ColorScale.textOn(share));
                g.drawString(text,
                        x + (CELL - metrics.stringWidth(text)) / 2,
                        y + (CELL + metrics.getAscent() - metrics.getDescent()) / 2);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1.5f));
        g.drawRect(x0, y0, counts.length * CELL, counts.length * CELL);
    }

    private static void drawClassNames(
            Graphics2D g, List<String> classNames, int x0, int y0, FontMetrics metrics) {
        g.setFont(LABEL);
        g.setColor(Color.BLACK);
        int bottom = y0 + classNames.size() * CELL;
        for (int i = 0; i < classNames.size(); i++) {
            String name = classNames.get(i);
            int centre = i * CELL + CELL / 2;
            // Row: right-aligned against the matrix.
            g.drawString(name,
                    x0 - GAP - metrics.stringWidth(name),
                    y0 + centre + (metrics.getAscent() - metrics.getDescent()) / 2);
            // Column: rising at 45 degrees to end just under the middle of its column.
            AffineTransform saved = g.getTransform();
            g.translate(x0 + centre + metrics.getAscent() / 2.0, bottom + GAP);
            g.rotate(-Math.PI / 4);
            g.drawString(name, -metrics.stringWidth(name), 0);
            g.setTransform(saved);
        }
    }

    private static void drawAxisTitles(
            Graphics2D g, int x0, int y0, int side, int columnLabelsHeight, FontMetrics metrics) {
        g.setFont(AXIS);
        g.setColor(Color.BLACK);
        String predicted = "predicted class";
        g.drawString(predicted,
                x0 + (side - metrics.stringWidth(predicted)) / 2,
                y0 + side + GAP + columnLabelsHeight + GAP + metrics.getAscent());
        drawVertical(g, "true class", MARGIN + metrics.getAscent(), y0 + side / 2, metrics);
    }

    private static void drawColorBar(
            Graphics2D g, int x, int y, int height, FontMetrics label, FontMetrics axis) {
        for (int row = 0; row < height; row++) {
            g.setColor(ColorScale.colorOf(1 - (double) row / (height - 1)));
            g.drawLine(x, y + row, x + BAR_WIDTH - 1, y + row);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, BAR_WIDTH - 1, height - 1);
        g.setFont(LABEL);
        g.setColor(Color.BLACK);
        int labelsWidth = 0;
        for (int percent = 0; percent <= 100; percent += 25) {
            int tickY = y + (int) Math.round((height - 1) * (1 - percent / 100.0));
            String text = percent + "%";
            labelsWidth = Math.max(labelsWidth, label.stringWidth(text));
            g.drawLine(x + BAR_WIDTH, tickY, x + BAR_WIDTH + 4, tickY);
            g.drawString(text, x + BAR_WIDTH + GAP, tickY + (label.getAscent() - label.getDescent()) / 2);
        }
        g.setFont(AXIS);
        drawVertical(g, "share of the true class",
                x + BAR_WIDTH + GAP + labelsWidth + GAP + axis.getAscent(), y + height / 2, axis);
    }

    /** Draws {@code text} reading upwards, centred vertically on {@code centreY}. */
    private static void drawVertical(Graphics2D g, String text, int baselineX, int centreY, FontMetrics metrics) {
        AffineTransform saved = g.getTransform();
        g.translate(baselineX, centreY + metrics.stringWidth(text) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(text, 0, 0);
        g.setTransform(saved);
    }

    private static void check(int[][] counts, List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class name");
        }
        if (counts.length != classNames.size()) {
            throw new IllegalArgumentException(String.format(
                    "the confusion matrix has %d rows but there are %d class names",
                    counts.length, classNames.size()));
        }
        for (int row = 0; row < counts.length; row++) {
            if (counts[row].length != counts.length) {
                throw new IllegalArgumentException(String.format(
                        "row %d (%s) of the confusion matrix has %d columns, expected %d",
                        row, classNames.get(row), counts[row].length, counts.length));
            }
            for (int column = 0; column < counts.length; column++) {
                if (counts[row][column] < 0) {
                    throw new IllegalArgumentException(String.format(
                            "the confusion matrix's count for true %s, predicted %s is negative: %d",
                            classNames.get(row), classNames.get(column), counts[row][column]));
                }
            }
        }
    }
}
