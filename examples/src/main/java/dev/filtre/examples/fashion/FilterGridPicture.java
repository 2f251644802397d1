package dev.filtre.examples.fashion;

import dev.filtre.dsl.Layer;
import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.image.Normalization;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Draws the learned filters of a convolution layer side by side, the lecture's "Que représentent
 * les filtres ?": each kernel enlarged (one square block per weight) and normalized on its own, its
 * smallest weight black and its largest white, with its number underneath. One input channel gives
 * gray tiles; three give colour tiles (red, green, blue).
 */
public final class FilterGridPicture {
    /** Side of the square block that shows one weight. */
    static final int BLOCK = 20;
    static final int COLUMNS = 8;
    private static final int MARGIN = 16;
    private static final int GAP = 12;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font NUMBER = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private FilterGridPicture() {}

    /** Draws the filters of {@code conv}, a convolution layer of a model. */
    public static BufferedImage draw(Layer conv, String title) {
        int[] shape = conv.weightShape();
        if (shape.length != 4) {
            throw new IllegalArgumentException(String.format(
                    "layer %s (%s) has no convolution filters: its weight shape is %s",
                    conv.name(), conv.kind(), Arrays.toString(shape)));
        }
        return draw(conv.weights(), shape, title);
    }

    /**
     * Draws convolution weights laid out {@code [filters][channels][k][k]}.
     *
     * @throws IllegalArgumentException when the shape is not that of 1- or 3-channel square
     *     kernels, or does not match the number of weights
     */
    public static BufferedImage draw(float[] weights, int[] shape, String title) {
        check(weights, shape);
        int filters = shape[0];
        int channels = shape[1];
        int kernel = shape[2];
        String note = note(channels);
        Layout layout = Layout.of(shape, title);
        FontMetrics titleMetrics = Pictures.metrics(TITLE);
        FontMetrics numberMetrics = Pictures.metrics(NUMBER);

        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Pictures.graphics(image);
        try {
            g.setColor(Color.BLACK);
            g.setFont(TITLE);
            g.drawString(title, MARGIN, MARGIN + titleMetrics.getAscent());
            g.setFont(NOTE);
            g.setColor(Color.DARK_GRAY);
            g.drawString(note, MARGIN, MARGIN + titleMetrics.getHeight() + g.getFontMetrics().getAscent());
            int perFilter = channels * kernel * kernel;
            int tile = layout.tile();
            for (int filter = 0; filter < filters; filter++) {
                int[] corner = layout.corner(filter);
                int x = corner[0];
                int y = corner[1];
                drawTile(image, Arrays.copyOfRange(weights, filter * perFilter, (filter + 1) * perFilter),
                        channels, kernel, x, y);
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(x - 1, y - 1, tile + 1, tile + 1);
                g.setFont(NUMBER);
                g.setColor(Color.BLACK);
                String number = Integer.toString(filter);
                g.drawString(number, x + (tile - numberMetrics.stringWidth(number)) / 2,
                        y + tile + 2 + numberMetrics.getAscent());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Where things go: the grid's top-left corner, its columns, the size of a filter's tile and of
     * the cell holding it with its number, and the picture's size.
     */
    record Layout(int gridX, int gridY, int columns, int tile, int cellWidth, int cellHeight, int width, int height) {
        static Layout of(int[] shape, String title) {
            int filters = shape[0];
            int kernel = shape[2];
            String note = note(shape[1]);
            FontMetrics titleMetrics = Pictures.metrics(TITLE);
            FontMetrics noteMetrics = Pictures.metrics(NOTE);
            int tile = kernel * BLOCK;
            int columns = Math.min(COLUMNS, filters);
            int rows = (filters + columns - 1) / columns;
            int cellWidth = tile + GAP;
            int cellHeight = tile + 2 + Pictures.metrics(NUMBER).getHeight() + GAP / 2;
            int gridWidth = columns * cellWidth - GAP;
            int gridY = MARGIN + titleMetrics.getHeight() + noteMetrics.getHeight() + GAP;
            int width = Math.max(gridWidth + 2 * MARGIN,
                    MARGIN + Math.max(titleMetrics.stringWidth(title), noteMetrics.stringWidth(note)) + MARGIN);
            int height = gridY + rows * cellHeight + MARGIN;
            // The grid is centred when the text is the wider part.
            return new Layout((width - gridWidth) / 2, gridY, columns, tile, cellWidth, cellHeight, width, height);
        }

        /** The top-left corner of filter {@code filter}'s tile: {x, y}. */
        int[] corner(int filter) {
            return new int[] {gridX + (filter % columns) * cellWidth, gridY + (filter / columns) * cellHeight};
        }
    }

    /** The line under the title that says how to read the tiles. */
    private static String note(int channels) {
        return channels == 1
                ? "each filter enlarged and scaled on its own: its smallest weight black, its largest white"
                : "each filter enlarged and scaled on its own, its channels as red, green and blue";
    }

    /**
     * Paints one filter, one block per weight, stretched by the lecture's min/max normalization
     * ({@code (w - min) / (max - min) * 255}, over all its channels together).
     */
    private static void drawTile(BufferedImage image, float[] filter, int channels, int kernel, int x, int y) {
        float[] levels = Normalization.minMax().apply(Image.of(channels, kernel, kernel, filter)).toArray();
        int plane = kernel * kernel;
        for (int row = 0; row < kernel; row++) {
            for (int column = 0; column < kernel; column++) {
                int at = row * kernel + column;
                int red = level(levels[at]);
                int rgb = channels == 1
                        ? red << 16 | red << 8 | red
                        : red << 16 | level(levels[plane + at]) << 8 | level(levels[2 * plane + at]);
                for (int dy = 0; dy < BLOCK; dy++) {
                    for (int dx = 0; dx < BLOCK; dx++) {
                        image.setRGB(x + column * BLOCK + dx, y + row * BLOCK + dy, rgb);
                    }
                }
            }
        }
    }

    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value)));
    }
    private static void check(float[] weights, int[] shape) {
        if (shape.length != 4 || shape[2] != shape[3] || shape[0] < 1 || shape[2] < 1) {
            throw new IllegalArgumentException(
                    "expected convolution weights shaped [filters][channels][k][k], got " + Arrays.toString(shape));
        }
        if (shape[1] != 1 && shape[1] != 3) {
            throw new IllegalArgumentException(String.format(
                    "can draw filters of 1 channel (gray) or 3 (colour), not %d (weight shape %s)",
                    shape[1], Arrays.toString(shape)));
        }
        long expected = (long) shape[0] * shape[1] * shape[2] * shape[3];
        if (weights.length != expected) {
            throw new IllegalArgumentException(String.format(
                    "weight shape %s holds %d values but %d weights were given",
                    Arrays.toString(shape), expected, weights.length));
        }
    }
}
