package dev.filtre.examples.fashion;

import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.image.ImageFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads a photo to classify. Unlike {@link ImageFiles#read(Path)}, which drops an alpha channel
 * and so shows whatever colour transparent pixels happen to hold (often black), this lays a
 * picture with transparency over white first, as a viewer shows it: product cut-outs are usually
 * transparent PNGs.
 */
final class PictureFiles {
    private PictureFiles() {}

    /**
     * The picture in {@code file}, gray or red-green-blue, values 0 to 255.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws IOException naming the file when it is not an image Java reads (PNG, JPEG, GIF, BMP)
     */
    static Image read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not an image");
        }
        BufferedImage picture;
        try (InputStream in = Files.newInputStream(file)) {
            picture = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " cannot be read as an image: " + e.getMessage(), e);
        }
        if (picture == null) {
            throw new IOException(file + " is not an image this program reads (PNG, JPEG, GIF or BMP)");
        }
        return ImageFiles.fromBufferedImage(picture.getColorModel().hasAlpha() ? overWhite(picture) : picture);
    }

    /** The picture laid over a white background, without its alpha channel. */
    static BufferedImage overWhite(BufferedImage picture) {
        BufferedImage flat = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
            g.drawImage(picture, 0, 0, null);
        } finally {
            g.dispose();
        }
        return flat;
    }
}
