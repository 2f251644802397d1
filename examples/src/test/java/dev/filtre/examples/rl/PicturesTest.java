package dev.filtre.examples.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curves' arithmetic and what the charts and path pictures put where. */
class PicturesTest {
    @Test
    void theMovingAverageIsTheMeanOfTheLastWindowValues() {
        assertArrayEquals(new double[] {2, 3, 4, 6, 8}, Curves.movingAverage(new double[] {2, 4, 6, 8, 10}, 3), 1e-12,
                "2, (2+4)/2, (2+4+6)/3, (4+6+8)/3, (6+8+10)/3");
        assertArrayEquals(new double[] {1.5, 3}, Curves.mean(List.of(new double[] {1, 2}, new double[] {2, 4})), 0);
        assertThrows(IllegalArgumentException.class, () -> Curves.mean(List.of(new double[1], new double[2])));
    }

    @Test
    void ticksAreRoundAndCoverTheData() {
        assertArrayEquals(new double[] {0, 50, 100, 150, 200}, LineChart.niceTicks(0, 187), 1e-9);
        // A fifth of 1499 is 299.8: 100 and 200 are too small, 500 is the next round step.
        assertArrayEquals(new double[] {0, 500, 1000, 1500}, LineChart.niceTicks(1, 1500), 1e-9);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5}, LineChart.niceTicks(-0.62, 0.43), 1e-9);
        // A flat line at 4.8 is padded by 10% to [4.32, 5.28]; a fifth of that is 0.192, so steps of 0.2.
        assertArrayEquals(new double[] {4.2, 4.4, 4.6, 4.8, 5, 5.2, 5.4}, LineChart.niceTicks(4.8, 4.8), 1e-9,
                "a flat line still gets an axis around it");
    }

    @Test
    void aChartDrawsItsSeriesInTheirColoursAndWritesAPng(@TempDir Path directory) throws Exception {
        Color red = new Color(200, 0, 0);
        LineChart chart = new LineChart("title", "x", "y", List.of(
                new LineChart.Series("rising", red, new double[] {0, 10}, new double[] {0, 10})));
        BufferedImage image = Figures.sideBySide(List.of(chart, chart), 400, 300);
        Path file = directory.resolve("sub").resolve("chart.png");

        Figures.writePng(image, file);

        assertEquals(800, image.getWidth());
        assertTrue(countPixels(image, red) > 100, "the line is drawn in its colour");
        BufferedImage read = ImageIO.read(Files.newInputStream(file));
        assertEquals(800, read.getWidth());
        assertEquals(300, read.getHeight());
    }

    @Test
    void thePathPictureShowsWallsTheStartAndTheCrash() {
        Room room = Room.parse(
                "#####",
                "#...#",
                "#####");
        List<Pose> path = List.of(new Pose(1, 1, Heading.EAST), new Pose(2, 1, Heading.EAST), new Pose(3, 1, Heading.EAST));
        int cell = 20;

        BufferedImage picture = PathPicture.draw(room, path, true, cell, "test");

        assertEquals(5 * cell, picture.getWidth());
        int top = picture.getHeight() - 3 * cell;
        assertEquals(new Color(60, 60, 70).getRGB(), picture.getRGB(2, top + 2), "a wall in the corner");
        assertEquals(new Color(20, 160, 60).getRGB(), picture.getRGB(cell + cell / 2, top + cell + cell / 2),
                "the start's green dot");
        assertTrue(countPixels(picture, Color.RED) > 10, "a red cross on the wall that was hit");
    }

    private static int countPixels(BufferedImage image, Color color) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == color.getRGB()) {
                    count++;
                }
            }
        }
        return count;
    }
}
