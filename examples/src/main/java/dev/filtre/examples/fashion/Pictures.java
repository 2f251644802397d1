package dev.filtre.examples.fashion;

import dev.filtre.runtime.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * What the demo's pictures share: a white canvas with anti-aliased text, font measures, and
 * writing a PNG file atomically.
 */
public final class Pictures {
    private static final BufferedImage SCRATCH = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private Pictures() {}

    /** A graphics context on {@code image}, filled white, with anti-aliased shapes and text. */
    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /**
     * Writes {@code image} to {@code file} as PNG, creating the directories it needs; the file is
     * replaced atomically (see {@link AtomicFiles}).
     */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, channel -> {
            if (!ImageIO.write(image, "png", Channels.newOutputStream(channel))) {
                throw new IOException(file + ": no PNG writer in this Java runtime");
            }
        });
    }

    /** The measures of {@code font} as {@link #graphics(BufferedImage)} draws it, before any canvas exists. */
    static synchronized FontMetrics metrics(Font font) {
        Graphics2D g = SCRATCH.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
