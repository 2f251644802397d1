package dev.filtre.examples.filters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.filtre.runtime.image.BorderMode;
import dev.filtre.runtime.image.Image;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlideRendererTest {
    @Test
    void tilesSitOnAnAlignedGrid() {
        Image black = Image.zeros(1, 10, 16);
        Image white = Image.of(1, 10, 16, filled(10 * 16, 255));
        Slide slide = new Slide("Titre", "sous-titre", 2, List.of(
                new Slide.Tile("a", "", black), new Slide.Tile("b", "", white), new Slide.Tile("c", "", white)));

        BufferedImage picture = SlideRenderer.render(slide);

        assertEquals(2 * SlideRenderer.MARGIN + 2 * 16 + SlideRenderer.GAP, picture.getWidth());
        int top = SlideRenderer.MARGIN + 80;
        int secondColumn = SlideRenderer.MARGIN + 16 + SlideRenderer.GAP;
        assertEquals(Color.BLACK, new Color(picture.getRGB(SlideRenderer.MARGIN + 8, top + 5)));
        assertEquals(Color.WHITE, new Color(picture.getRGB(secondColumn + 8, top + 5)));
        assertEquals(2, slide.rows());
    }

    @Test
    void classicSlideHasTheLecturesTilesInItsOrder() {
        Slide slide = ClassicFiltersSlide.of(Image.zeros(1, 8, 8), "black.png", BorderMode.EXTEND);

        assertEquals(List.of("Identité", "Flou moyen", "Flou gaussien", "Laplacien", "Sharpen",
                "Vertical edge detection", "Laplacien II normalisé", "Laplacien normalisé"),
                slide.tiles().stream().limit(8).map(Slide.Tile::label).toList());
        assertEquals(4, slide.columns());
    }

    @Test
    void thumbnailAveragesTheBlocksItCovers() {
        Image image = Image.gray(new float[][] {{0, 2, 10, 10}, {2, 4, 10, 30}, {1, 1, 1, 1}, {1, 1, 1, 1}});

        assertArrayEquals(new float[][] {{2, 15}, {1, 1}}, Thumbnail.fit(image, 2).rows(0));
        assertSame(image, Thumbnail.fit(image, 4));
    }

    private static float[] filled(int size, float value) {
        float[] values = new float[size];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
