package dev.filtre.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
}
