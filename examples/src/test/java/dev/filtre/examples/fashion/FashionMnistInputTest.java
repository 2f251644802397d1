package dev.filtre.examples.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.runtime.image.Image;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FashionMnistInputTest {
    private static final float EXACT = 1e-4f;

    @Test
    void colourBecomesGrayWithTheLumaWeights() {
        Image red = Image.of(3, 1, 1, new float[] {255, 0, 0});
        Image white = Image.of(3, 1, 1, new float[] {255, 255, 255});

        assertEquals(0.299f * 255, FashionMnistInput.grayscale(red).get(0, 0, 0), EXACT);
        assertEquals(255, FashionMnistInput.grayscale(white).get(0, 0, 0), 1e-3);
        Image gray = Image.gray(new float[][] {{7}});
        assertEquals(gray, FashionMnistInput.grayscale(gray));
    }

    @Test
    void areaAveragingWeighsPixelsByTheShareOfThemEachOutputPixelCovers() {
        // 3 columns to 2: each output pixel covers 1.5 source pixels.
        Image row = Image.gray(new float[][] {{0, 3, 6}});
        Image resized = FashionMnistInput.resizeByArea(row, 1, 2);
        assertArrayEquals(new float[] {(0 * 1 + 3 * 0.5f) / 1.5f, (3 * 0.5f + 6 * 1) / 1.5f},
                resized.toArray(), EXACT);

        // 4x4 to 2x2: the means of the four quadrants.
        Image quadrants = Image.gray(new float[][] {
            {1, 1, 10, 10},
            {1, 1, 10, 10},
            {0, 4, 100, 0},
            {4, 0, 0, 100},
        });
        assertArrayEquals(new float[] {1, 10, 2, 50},
                FashionMnistInput.resizeByArea(quadrants, 2, 2).toArray(), EXACT);
    }

    @Test
    void areaAveragingKeepsAUniformImageUniformAtAnySize() {
        float[] values = new float[37 * 101];
        Arrays.fill(values, 200);
        Image uniform = Image.of(1, 37, 101, values);
        for (int side : new int[] {28, 5, 150}) {
            Image resized = FashionMnistInput.resizeByArea(uniform, side, side);
            assertEquals(200, resized.min(), 1e-3, "min at " + side);
            assertEquals(200, resized.max(), 1e-3, "max at " + side);
        }
    }

    @Test
    void aDarkItemOnALightBackgroundIsInvertedToLightOnBlack() {
        Image photo = rectangle(60, 60, 255, 40, 15, 15, 30, 30);
        assertTrue(FashionMnistInput.hasLightBackground(photo));

        Image prepared = FashionMnistInput.prepare(photo);

        assertEquals(FashionMnistInput.SIDE, prepared.height());
        assertEquals(FashionMnistInput.SIDE, prepared.width());
        // The square item fills the frame: every pixel is the item, stretched to full white.
        assertEquals(255, prepared.min(), 1e-3);
        assertEquals(255, prepared.max(), 1e-3);
    }

    @Test
    void aLightItemOnADarkBackgroundIsNotInverted() {
        Image photo = rectangle(50, 50, 20, 220, 10, 20, 30, 15);
        assertFalse(FashionMnistInput.hasLightBackground(photo));

        Image stretched = FashionMnistInput.stretchFromBackground(photo);

        assertEquals(0, stretched.get(0, 0, 0), EXACT);
        assertEquals(255, stretched.get(0, 15, 25), EXACT);
    }

    @Test
    void theItemIsCroppedCentredAndScaledToFillTheFrame() {
        // A 200x100 white photo, a black item 40 rows by 20 columns near its top-left corner.
        Image photo = rectangle(100, 200, 255, 0, 10, 10, 40, 20);

        float[][] prepared = FashionMnistInput.prepare(photo).rows(0);

        // 40 rows become 28; 20 columns become 14, centred: columns 7 to 20.
        for (int row = 0; row < 28; row++) {
            for (int column = 0; column < 28; column++) {
                float expected = column >= 7 && column < 21 ? 255 : 0;
                assertEquals(expected, prepared[row][column], 1e-3, "pixel " + row + ", " + column);
            }
        }
    }

    @Test
    void aColourPhotoIsPreparedLikeItsGrayVersion() {
        Image gray = rectangle(40, 30, 250, 30, 5, 5, 20, 10);
        Image colour = Image.stack(java.util.List.of(gray, gray, gray));

        assertArrayEquals(FashionMnistInput.prepare(gray).toArray(), FashionMnistInput.prepare(colour).toArray(), 1e-3f);
    }

    @Test
    void aPictureThatIsNeitherGrayNorRgbIsRejected() {
        Image twoChannels = Image.zeros(2, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FashionMnistInput.prepare(twoChannels));
        assertEquals("expected a gray (1 channel) or colour (3 channels) picture, got 2x4x4", e.getMessage());
    }

    /** A gray image of {@code background} with a {@code rows x columns} rectangle of {@code item}. */
    private static Image rectangle(
            int height, int width, float background, float item, int top, int left, int rows, int columns) {
        float[] values = new float[height * width];
        Arrays.fill(values, background);
        for (int row = top; row < top + rows; row++) {
            Arrays.fill(values, row * width + left, row * width + left + columns, item);
        }
        return Image.of(1, height, width, values);
    }
}
