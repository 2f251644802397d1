package dev.filtre.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir Path directory;

    @Test
    void grayPngRoundTrips() throws IOException {
        Image gray = ConvolutionTest.randomImage(1, 5, 7, 1);
        Path file = directory.resolve("gray.png");

        ImageFiles.write(gray, file);

        assertEquals(gray, ImageFiles.read(file));
    }

    @Test
    void rgbPngRoundTrips() throws IOException {
        Image colour = ConvolutionTest.randomImage(3, 6, 4, 2);
        Path file = directory.resolve("colour.PNG");

        ImageFiles.write(colour, file);

        assertEquals(colour, ImageFiles.read(file));
    }

    @Test
    void jpegKeepsASmoothImageClose() throws IOException {
        float[] values = new float[3 * 16 * 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = 60 + (i % 16) * 4;
        }
        Image smooth = Image.of(3, 16, 16, values);
        Path file = directory.resolve("smooth.jpg");

        ImageFiles.write(smooth, file);
        Image read = ImageFiles.read(file);

        assertEquals(smooth.shape(), read.shape());
        float[] back = read.toArray();
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], back[i], 6, "value " + i);
        }
    }

    @Test
    void writingRoundsAndClamps() throws IOException {
        Path file = directory.resolve("clamped.png");

        ImageFiles.write(Image.gray(new float[][] {{-5, 12.6f, 300}}), file);

        assertEquals(Image.gray(new float[][] {{0, 13, 255}}), ImageFiles.read(file));
    }

    @Test
    void missingFileIsNamed() {
        Path missing = directory.resolve("missing.png");

        NoSuchFileException error =
                assertThrows(NoSuchFileException.class, () -> ImageFiles.read(missing));
        assertTrue(error.getMessage().contains("missing.png"), error.getMessage());
    }

    @Test
    void fileThatIsNotAnImageIsNamed() throws IOException {
        Path text = Files.writeString(directory.resolve("notes.png"), "not a picture");

        IOException error = assertThrows(IOException.class, () -> ImageFiles.read(text));
        assertEquals(text + ": not a PNG or JPEG image", error.getMessage());
    }

    @Test
    void unknownExtensionAndChannelCountAreRefused() {
        Image gray = Image.gray(new float[][] {{1}});

        assertEquals(directory.resolve("a.gif") + ": unknown image format; use a .png, .jpg or"
                + " .jpeg file name", assertThrows(IllegalArgumentException.class,
                        () -> ImageFiles.write(gray, directory.resolve("a.gif"))).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ImageFiles.write(Image.zeros(2, 1, 1), directory.resolve("two.png")));
    }

    /** The reference the reads are held to: value v of opacity alpha/255 laid over white, rounded. */
    private static float overWhite(int value, int alpha) {
        double a = alpha / 255.0;
        return Math.round(255 * (1 - a) + value * a);
    }

    @Test
    void rgbaPngIsLaidOverWhite() throws IOException {
        // alpha per pixel: opaque, half, a quarter, nearly none, none, none again (over white)
        int[] alphas = {255, 128, 64, 1, 0, 0};
        int[][] colours = {{30, 60, 90}, {30, 200, 0}, {0, 0, 0}, {10, 20, 30}, {0, 0, 0}, {255, 255, 255}};
        BufferedImage picture = new BufferedImage(alphas.length, 1, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < alphas.length; x++) {
            picture.setRGB(x, 0, alphas[x] << 24 | colours[x][0] << 16 | colours[x][1] << 8 | colours[x][2]);
        }
        Path file = directory.resolve("cutout.png");
        ImageIO.write(picture, "png", file.toFile());

        Image read = ImageFiles.read(file);

        assertEquals("3x1x6", read.shape());
        for (int x = 0; x < alphas.length; x++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(overWhite(colours[x][c], alphas[x]), read.get(c, 0, x), "pixel " + x + " channel " + c);
            }
        }
        // the same figures written out: 255*(1-a) + v*a, rounded to the nearest integer
        assertEquals(Image.of(3, 1, 6, new float[] {
                30, 142, 191, 254, 255, 255,
                60, 227, 191, 254, 255, 255,
                90, 127, 191, 254, 255, 255}), read);
    }

    @Test
    void grayAlphaPngIsLaidOverWhite() throws IOException {
        int[] grays = {0, 100, 200, 0, 77};
        int[] alphas = {255, 128, 51, 0, 254};
        ComponentColorModel grayAlpha = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = grayAlpha.createCompatibleWritableRaster(grays.length, 1);
        for (int x = 0; x < grays.length; x++) {
            raster.setSample(x, 0, 0, grays[x]);
            raster.setSample(x, 0, 1, alphas[x]);
        }
        Path file = directory.resolve("gray-alpha.png");
        ImageIO.write(new BufferedImage(grayAlpha, raster, false, null), "png", file.toFile());

        Image read = ImageFiles.read(file);

        assertEquals(Image.gray(new float[][] {{0, 177, 244, 255, 78}}), read);
        for (int x = 0; x < grays.length; x++) {
            assertEquals(overWhite(grays[x], alphas[x]), read.get(0, 0, x), "pixel " + x);
        }
    }

    @Test
    void paletteWithATransparentEntryIsLaidOverWhite() throws IOException {
        byte[] red = {0, (byte) 200, 0};
        byte[] green = {0, 10, 0};
        byte[] blue = {0, 20, (byte) 255};
        byte[] alpha = {0, (byte) 255, (byte) 128};
        BufferedImage picture = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 3, red, green, blue, alpha));
        picture.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 1, 2});
        Path file = directory.resolve("palette.png");
        ImageIO.write(picture, "png", file.toFile());

        assertEquals(Image.of(3, 1, 3, new float[] {255, 200, 127, 255, 10, 127, 255, 20, 255}), ImageFiles.read(file));
    }

    @Test
    void opaquePixelsOfAnAlphaPictureKeepTheirValues() {
        Image colour = ConvolutionTest.randomImage(3, 5, 4, 3);
        BufferedImage rgb = ImageFiles.toBufferedImage(colour);
        BufferedImage argb = new BufferedImage(4, 5, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 4, 5, rgb.getRGB(0, 0, 4, 5, null, 0, 4), 0, 4);

        assertEquals(colour, ImageFiles.fromBufferedImage(argb));
        assertEquals(colour, ImageFiles.fromBufferedImage(rgb));
    }

    @Test
    void premultipliedPicturesAreLaidOverWhiteToo() {
        BufferedImage picture = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        picture.setRGB(0, 0, 128 << 24 | 30 << 16 | 200 << 8);
        picture.setRGB(1, 0, 0);

        Image read = ImageFiles.fromBufferedImage(picture);

        assertEquals(255, read.get(0, 0, 1));
        assertEquals(overWhite(30, 128), read.get(0, 0, 0), 1);
        assertEquals(overWhite(200, 128), read.get(1, 0, 0), 1);
        assertEquals(127, read.get(2, 0, 0));

        ComponentColorModel grayAlpha = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true, true, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = grayAlpha.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {50, 128}); // 100 at opacity 128/255, premultiplied
        raster.setPixel(1, 0, new int[] {0, 0});
        Image gray = ImageFiles.fromBufferedImage(new BufferedImage(grayAlpha, raster, true, null));
        assertEquals(Image.gray(new float[][] {{177, 255}}), gray); // round(127 + 50) = 177
    }
}
