package dev.filtre.examples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterGridPictureTest {
    private static final String TITLE = "two filters";

    @TempDir Path directory;

    @Test
    void eachWeightIsABlockScaledFromItsFiltersMinimumToItsMaximum() throws IOException {
        float[] weights = {
            // filter 0: a ramp from -4 to 4, so -4 is black, 0 mid-gray and 4 white
            -4, -3, -2, -1, 0, 1, 2, 3, 4,
            // filter 1: a dead filter, all 0: nothing to stretch, so black
            0, 0, 0, 0, 0, 0, 0, 0, 0,
        };
        int[] shape = {2, 1, 3, 3};
        Path file = directory.resolve("filters.png");
        Pictures.writePng(FilterGridPicture.draw(weights, shape, TITLE), file);
        BufferedImage image = ImageIO.read(file.toFile());
        FilterGridPicture.Layout layout = FilterGridPicture.Layout.of(shape, TITLE);

        assertEquals(3 * FilterGridPicture.BLOCK, layout.tile());
        assertEquals(gray(0), block(image, layout, 0, 0, 0));
        assertEquals(gray(Math.round(255 / 8f)), block(image, layout, 0, 0, 1));
        assertEquals(gray(128), block(image, layout, 0, 1, 1));
        assertEquals(gray(255), block(image, layout, 0, 2, 2));
        assertEquals(gray(0), block(image, layout, 1, 0, 0));
        assertEquals(gray(0), block(image, layout, 1, 2, 2));
    }

    @Test
    void threeChannelsAreRedGreenAndBlue() {
        float[] weights = new float[27];
        weights[0] = 1;        // red of the top-left weight
        weights[9 + 4] = 1;    // green of the centre
        weights[18 + 8] = 1;   // blue of the bottom-right
        int[] shape = {1, 3, 3, 3};
        BufferedImage image = FilterGridPicture.draw(weights, shape, TITLE);
        FilterGridPicture.Layout layout = FilterGridPicture.Layout.of(shape, TITLE);

        assertEquals(Color.RED, block(image, layout, 0, 0, 0));
        assertEquals(Color.GREEN, block(image, layout, 0, 1, 1));
        assertEquals(Color.BLUE, block(image, layout, 0, 2, 2));
        assertEquals(Color.BLACK, block(image, layout, 0, 0, 1));
    }

    @Test
    void thirtyTwoFiltersMakeFourRowsOfEight() {
        int[] shape = {32, 1, 3, 3};
        BufferedImage image = FilterGridPicture.draw(new float[32 * 9], shape, TITLE);
        FilterGridPicture.Layout layout = FilterGridPicture.Layout.of(shape, TITLE);

        assertEquals(8, layout.columns());
        int[] last = layout.corner(31);
        int[] first = layout.corner(0);
        assertEquals(7 * layout.cellWidth(), last[0] - first[0]);
        assertEquals(3 * layout.cellHeight(), last[1] - first[1]);
        assertEquals(gray(0), new Color(image.getRGB(last[0] + 1, last[1] + 1)));
    }

    @Test
    void weightsThatAreNotOneOrThreeChannelSquareKernelsAreRejected() {
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> FilterGridPicture.draw(new float[2 * 2 * 9], new int[] {2, 2, 3, 3}, TITLE));
        assertEquals("can draw filters of 1 channel (gray) or 3 (colour), not 2 (weight shape [2, 2, 3, 3])",
                channels.getMessage());

        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> FilterGridPicture.draw(new float[10], new int[] {2, 1, 3, 3}, TITLE));
        assertEquals("weight shape [2, 1, 3, 3] holds 18 values but 10 weights were given", count.getMessage());

        IllegalArgumentException dense = assertThrows(IllegalArgumentException.class,
                () -> FilterGridPicture.draw(new float[10], new int[] {10, 1}, TITLE));
        assertEquals("expected convolution weights shaped [filters][channels][k][k], got [10, 1]",
                dense.getMessage());
    }

    private static Color gray(int level) {
        return new Color(level, level, level);
    }

    /** The colour at the middle of weight ({@code row}, {@code column})'s block in a filter's tile. */
    private static Color block(BufferedImage image, FilterGridPicture.Layout layout, int filter, int row, int column) {
        int[] corner = layout.corner(filter);
        int half = FilterGridPicture.BLOCK / 2;
        return new Color(image.getRGB(
                corner[0] + column * FilterGridPicture.BLOCK + half, corner[1] + row * FilterGridPicture.BLOCK + half));
    }
}
