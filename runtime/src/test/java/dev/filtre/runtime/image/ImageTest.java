package dev.filtre.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTest {
    @Test
    void channelsRowsAndValuesAreLaidOutChannelFirst() {
        Image image = Image.of(2, 2, 3, new float[] {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60});

        assertEquals(6, image.get(0, 1, 2));
        assertEquals(40, image.get(1, 1, 0));
        assertArrayEquals(new float[][] {{10, 20, 30}, {40, 50, 60}}, image.rows(1));
        assertEquals(image, Image.stack(List.of(image.channel(0), image.channel(1))));
        assertEquals(1, image.min());
        assertEquals(60, image.max());
    }

    @Test
    void valuesAreCopiedSoImagesStayImmutable() {
        float[] values = {1, 2};
        Image image = Image.of(1, 1, 2, values);
        values[0] = 99;
        image.toArray()[1] = 99;

        assertEquals(Image.gray(new float[][] {{1, 2}}), image);
    }

    @Test
    void grayUsesBt601Luma() {
        Image colour = Image.of(3, 1, 2, new float[] {255, 0, 0, 255, 0, 100});

        // (0.299 * 255, 0.587 * 255 + 0.114 * 100)
        assertArrayEquals(new float[] {76.245f, 161.085f}, colour.toGray().toArray(), 1e-3f);
        Image gray = Image.gray(new float[][] {{3}});
        assertSame(gray, gray.toGray());
    }

    @Test
    void badShapesAreNamed() {
        assertEquals("an image of 1x2x2 needs 4 values, got 3",
                assertThrows(IllegalArgumentException.class,
                        () -> Image.of(1, 2, 2, new float[3])).getMessage());
        assertEquals("row 2 has 1 values but row 1 has 2: an image is rectangular",
                assertThrows(IllegalArgumentException.class,
                        () -> Image.gray(new float[][] {{1, 2}, {3}})).getMessage());
        assertEquals("(0, 2, 0) is outside the 1x2x2 image",
                assertThrows(IndexOutOfBoundsException.class,
                        () -> Image.zeros(1, 2, 2).get(0, 2, 0)).getMessage());
    }
}
