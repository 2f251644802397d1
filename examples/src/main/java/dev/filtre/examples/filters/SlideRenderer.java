package dev.filtre.examples.filters;

import dev.filtre.runtime.image.ImageFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws a {@link Slide}: the title and subtitle at the top, then the tiles in a grid, each
 * picture with its label centred under it and its caption under the label. Every cell is as wide
 * as the widest picture and as tall as the tallest, so the grid stays aligned.
 */
final class SlideRenderer {
    static final int MARGIN = 24;
    static final int GAP = 20;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 28);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color INK = new Color(0x20, 0x20, 0x20);
    private static final Color MUTED = new Color(0x60, 0x60, 0x60);
    private static final int HEADER = 80;
    private static final int LEGEND = 52;

    private SlideRenderer() {}

    /** The slide as an RGB picture. */
    static BufferedImage render(Slide slide) {
        int cellWidth = slide.tiles().stream().mapToInt(tile -> tile.image().width()).max().orElseThrow();
        int cellHeight = slide.tiles().stream().mapToInt(tile -> tile.image().height()).max().orElseThrow();
        int width = 2 * MARGIN + slide.columns() * cellWidth + (slide.columns() - 1) * GAP;
        int height = MARGIN + HEADER + slide.rows() * (cellHeight + LEGEND) + (slide.rows() - 1) * GAP + MARGIN;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawText(g, slide.title(), TITLE, INK, MARGIN, MARGIN + 30, width - 2 * MARGIN, false);
            drawText(g, slide.subtitle(), SUBTITLE, MUTED, MARGIN, MARGIN + 58, width - 2 * MARGIN, false);
            for (int i = 0; i < slide.tiles().size(); i++) {
                Slide.Tile tile = slide.tiles().get(i);
                int x = MARGIN + (i % slide.columns()) * (cellWidth + GAP);
                int y = MARGIN + HEADER + (i / slide.columns()) * (cellHeight + LEGEND + GAP);
                drawTile(g, tile, x, y, cellWidth, cellHeight);
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private static void drawTile(Graphics2D g, Slide.Tile tile, int x, int y, int cellWidth, int cellHeight) {
        BufferedImage picture = ImageFiles.toBufferedImage(tile.image());
        int left = x + (cellWidth - picture.getWidth()) / 2;
        int top = y + (cellHeight - picture.getHeight()) / 2;
        g.drawImage(picture, left, top, null);
        g.setColor(new Color(0xc8, 0xc8, 0xc8));
        g.drawRect(left - 1, top - 1, picture.getWidth() + 1, picture.getHeight() + 1);
        drawText(g, tile.label(), LABEL, INK, x, y + cellHeight + 24, cellWidth, true);
        drawText(g, tile.caption(), CAPTION, MUTED, x, y + cellHeight + 44, cellWidth, true);
    }

    /** Draws {@code text} on the baseline {@code baseline}, shrinking the font until it fits {@code width}. */
    private static void drawText(
            Graphics2D g, String text, Font font, Color color, int x, int baseline, int width, boolean centred) {
        Font fitted = font;
        FontMetrics metrics = g.getFontMetrics(fitted);
        while (metrics.stringWidth(text) > width && fitted.getSize2D() > 8) {
            fitted = fitted.deriveFont(fitted.getSize2D() - 1);
            metrics = g.getFontMetrics(fitted);
        }
        g.setFont(fitted);
        g.setColor(color);
        int start = centred ? x + (width - metrics.stringWidth(text)) / 2 : x;
        g.drawString(text, start, baseline);
    }
}
