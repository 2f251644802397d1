package dev.filtre.examples.rl;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws charts side by side into an image and writes images as PNG. */
public final class Figures {
    private Figures() {}

    /** The charts side by side, each {@code chartWidth} x {@code height} pixels, on white. */
    public static BufferedImage sideBySide(List<LineChart> charts, int chartWidth, int height) {
        BufferedImage image = new BufferedImage(chartWidth * charts.size(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(graphics, new Rectangle(i * chartWidth, 0, chartWidth, height));
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /** Writes {@code image} to {@code file} as PNG, creating the parent directories. */
    public static void writePng(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
