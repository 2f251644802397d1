package dev.filtre.runtime.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Reads and writes PNG and JPEG files with {@code javax.imageio}, as 8-bit grayscale (one
 * channel) or RGB (three channels) {@link Image}s with values 0..255.
 */
public final class ImageFiles {
    private static final float JPEG_QUALITY = 0.92f;

    private ImageFiles() {}

    /**
     * The image in {@code file}: one channel if the file is grayscale (8 or 16 bits; 16-bit
     * values are scaled to 0..255), three (red, green, blue) otherwise; palette images are read
     * as their colours.
     *
     * <p>A picture with transparency (gray with alpha, RGBA, a palette with transparent entries)
     * is laid over white, as image viewers show it, and its alpha channel is then dropped: a
     * value {@code v} (0..255) of opacity {@code a = alpha / maximum alpha} becomes
     * {@code Math.round(255 * (1 - a) + v * a)}, the nearest integer. So a fully transparent
     * pixel reads 255 whatever colour it stores (often black), a half-transparent black one
     * (alpha 128 of 255) reads 127, and a fully opaque one keeps its value exactly. Pictures
     * without an alpha channel are read as they are.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException if it cannot be read or is not an image {@code javax.imageio} reads
     */
    public static Image read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not an image");
        }
        BufferedImage picture;
        try (InputStream in = Files.newInputStream(file)) {
            picture = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot be read as an image (" + e.getMessage() + ")", e);
        }
        if (picture == null) {
            throw new IOException(file + ": not a PNG or JPEG image");
        }
        return fromBufferedImage(picture);
    }

    /**
     * The pixels of {@code picture}, a picture with transparency laid over white; see
     * {@link #read}. Premultiplied pictures are read by the same rule.
     */
    public static Image fromBufferedImage(BufferedImage picture) {
        int height = picture.getHeight();
        int width = picture.getWidth();
        ColorModel colours = picture.getColorModel();
        Raster raster = picture.getRaster();
        boolean gray = colours.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                && raster.getNumBands() <= 2 && !(colours instanceof java.awt.image.IndexColorModel);
        if (gray) {
            int bits = colours.getComponentSize(0);
            double scale = bits == 8 ? 1 : 255.0 / ((1 << bits) - 1);
            boolean alpha = colours.hasAlpha() && raster.getNumBands() == 2;
            int opaque = alpha ? (1 << colours.getComponentSize(1)) - 1 : 0;
            boolean premultiplied = colours.isAlphaPremultiplied();
            float[] values = new float[height * width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double value = raster.getSample(x, y, 0) * scale;
                    int opacity = alpha ? raster.getSample(x, y, 1) : opaque;
                    values[y * width + x] = opacity == opaque
                            ? (float) value
                            : overWhite(premultiplied ? value : value * opacity / opaque, (double) opacity / opaque);
                }
            }
            return Image.wrap(1, height, width, values);
        }
        int plane = height * width;
        float[] values = new float[3 * plane];
        int[] argb = picture.getRGB(0, 0, width, height, null, 0, width);
        boolean alpha = colours.hasAlpha();
        for (int i = 0; i < plane; i++) {
            int red = (argb[i] >> 16) & 0xff;
            int green = (argb[i] >> 8) & 0xff;
            int blue = argb[i] & 0xff;
            int opacity = argb[i] >>> 24;
            if (alpha && opacity != 0xff) {
                double a = opacity / 255.0;
                values[i] = overWhite(red * a, a);
                values[plane + i] = overWhite(green * a, a);
                values[2 * plane + i] = overWhite(blue * a, a);
            } else {
                values[i] = red;
                values[plane + i] = green;
                values[2 * plane + i] = blue;
            }
        }
        return Image.wrap(3, height, width, values);
    }

    /**
     * A value laid over white, rounded to the nearest integer: {@code premultiplied} is the
     * value (0..255) times its {@code opacity} (0..1). For 8-bit values and alphas the exact
     * result is a multiple of 1/255, never a half, so rounding the double is exact.
     */
    private static float overWhite(double premultiplied, double opacity) {
        return Math.round(255 * (1 - opacity) + premultiplied);
    }

    /**
     * An 8-bit picture of {@code image}: {@code TYPE_BYTE_GRAY} for one channel,
     * {@code TYPE_INT_RGB} for three. Values are rounded and clamped to 0..255; apply a
     * {@link Normalization} first to choose how values outside that range are shown.
     *
     * @throws IllegalArgumentException if the image has neither one nor three channels
     */
    public static BufferedImage toBufferedImage(Image image) {
        int height = image.height();
        int width = image.width();
        float[] values = image.values();
        if (image.channels() == 1) {
            BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster raster = picture.getRaster();
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    row[x] = toByte(values[y * width + x]);
                }
                raster.setSamples(0, y, width, 1, 0, row);
            }
            return picture;
        }
        if (image.channels() == 3) {
            int plane = height * width;
            int[] rgb = new int[plane];
            for (int i = 0; i < plane; i++) {
                rgb[i] = toByte(values[i]) << 16 | toByte(values[plane + i]) << 8
                        | toByte(values[2 * plane + i]);
            }
            BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(0, 0, width, height, rgb, 0, width);
            return picture;
        }
        throw new IllegalArgumentException(
                "only 1-channel (grayscale) and 3-channel (RGB) images can be written, this one is "
                        + image.shape());
    }

    /**
     * Writes {@code image} to {@code file} as PNG or JPEG, chosen by the file's extension
     * ({@code .png}, {@code .jpg}, {@code .jpeg}); see {@link #toBufferedImage} for the values.
     * JPEGs are written at quality 0.92.
     *
     * @throws IllegalArgumentException for another extension or channel count
     * @throws IOException if the file cannot be written
     */
    public static void write(Image image, Path file) throws IOException {
        write(toBufferedImage(image), file);
    }

    /** Writes {@code picture} as PNG or JPEG, by {@code file}'s extension; see {@link #write(Image, Path)}. */
    public static void write(BufferedImage picture, Path file) throws IOException {
        String format = format(file);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new NoSuchFileException(parent.toString(), null, "no such directory");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (OutputStream out = Files.newOutputStream(file);
                ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(picture, null, null), parameters);
        } finally {
            writer.dispose();
        }
    }

    private static String format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "jpeg";
        }
        throw new IllegalArgumentException(
                file + ": unknown image format; use a .png, .jpg or .jpeg file name");
    }

    private static int toByte(float value) {
        return Math.max(0, Math.min(255, Math.round(value)));
    }
}
