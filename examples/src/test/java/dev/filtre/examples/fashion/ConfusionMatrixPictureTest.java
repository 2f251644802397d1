package dev.filtre.examples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixPictureTest {
    private static final List<String> NAMES = List.of("Sandal", "Sneaker", "Ankle boot");
    private static final String TITLE = "three classes";

    @TempDir Path directory;

    @Test
    void eachCellIsColouredByTheShareOfItsTrueClass() throws IOException {
        int[][] counts = {
            {40, 0, 0},   // every sandal right: 100 %
            {10, 30, 0},  // sneakers: 25 %, 75 %, 0 %
            {0, 0, 0},    // no ankle boot at all: every share 0
        };
        BufferedImage image = writtenAndReadBack(ConfusionMatrixPicture.draw(counts, NAMES, TITLE));
        ConfusionMatrixPicture.Layout layout = ConfusionMatrixPicture.Layout.of(NAMES, TITLE);

        assertEquals(layout.width(), image.getWidth());
        assertEquals(layout.height(), image.getHeight());
        assertEquals(ColorScale.colorOf(1), background(image, layout, 0, 0));
        assertEquals(ColorScale.colorOf(0), background(image, layout, 0, 1));
        assertEquals(ColorScale.colorOf(0.25), background(image, layout, 1, 0));
        assertEquals(ColorScale.colorOf(0.75), background(image, layout, 1, 1));
        assertEquals(ColorScale.colorOf(0), background(image, layout, 2, 2));
    }

    @Test
    void countsAreWrittenInTheirCellsInAColourThatReads() {
        int[][] counts = {{40, 0, 0}, {0, 40, 0}, {0, 0, 40}};
        BufferedImage image = ConfusionMatrixPicture.draw(counts, NAMES, TITLE);
        ConfusionMatrixPicture.Layout layout = ConfusionMatrixPicture.Layout.of(NAMES, TITLE);
        int[] dark = layout.cell(1, 1);
        int[] light = layout.cell(1, 2);

        assertTrue(countPixels(image, dark, gray -> gray > 230) > 10, "white digits on the dark diagonal");
        assertTrue(countPixels(image, light, gray -> gray < 60) > 10, "black digits on the light cells");
    }

    @Test
    void theDarkestColourIsTheLargestShare() {
        int previous = Integer.MAX_VALUE;
        for (double share = 0; share <= 1; share += 0.125) {
            Color color = ColorScale.colorOf(share);
            int brightness = color.getRed() + color.getGreen() + color.getBlue();
            assertTrue(brightness < previous, "brightness decreases at share " + share);
            previous = brightness;
        }
        assertEquals(new Color(0x08306b), ColorScale.colorOf(1));
        assertEquals(ColorScale.colorOf(1), ColorScale.colorOf(7));
    }

    @Test
    void aMatrixThatDoesNotMatchTheClassNamesIsRejectedWithWhatIsWrong() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrixPicture.draw(new int[2][2], NAMES, TITLE));
        assertEquals("the confusion matrix has 2 rows but there are 3 class names", rows.getMessage());

        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrixPicture.draw(new int[][] {{1, 2, 3}, {1, 2}, {1, 2, 3}}, NAMES, TITLE));
        assertEquals("row 1 (Sneaker) of the confusion matrix has 2 columns, expected 3", columns.getMessage());

        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrixPicture.draw(new int[][] {{1, 2, 3}, {1, 2, -3}, {1, 2, 3}}, NAMES, TITLE));
        assertEquals("the confusion matrix's count for true Sneaker, predicted Ankle boot is negative: -3",
                negative.getMessage());
    }

    private BufferedImage writtenAndReadBack(BufferedImage image) throws IOException {
        Path file = directory.resolve("pictures/confusion.png");
        Pictures.writePng(image, file);
        return ImageIO.read(file.toFile());
    }

    /** A pixel of the cell near its corner, away from the grid line and the digits. */
    private static Color background(
            BufferedImage image, ConfusionMatrixPicture.Layout layout, int trueClass, int predictedClass) {
        int[] corner = layout.cell(trueClass, predictedClass);
        return new Color(image.getRGB(corner[0] + 5, corner[1] + 5));
    }

    /** The pixels inside a cell whose mean of red, green and blue passes {@code test}. */
    private static int countPixels(BufferedImage image, int[] corner, IntPredicate test) {
        int count = 0;
        for (int y = corner[1] + 2; y < corner[1] + ConfusionMatrixPicture.CELL - 2; y++) {
            for (int x = corner[0] + 2; x < corner[0] + ConfusionMatrixPicture.CELL - 2; x++) {
                Color color = new Color(image.getRGB(x, y));
                count += test.test((color.getRed() + color.getGreen() + color.getBlue()) / 3) ? 1 : 0;
            }
        }
        return count;
    }
}
