package dev.filtre.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizationTest {
    @Test
    void minMaxMapsTheMinimumTo0AndTheMaximumTo255() {
        // new = (old - min) / (max - min) * 255 with min = -100, max = 410: 50 -> 75.
        Image filtered = Image.gray(new float[][] {{-100, 50}, {410, 155}});

        Image normalized = Normalization.minMax().apply(filtered);

        assertArrayEquals(new float[][] {{0, 75}, {255, 127.5f}}, normalized.rows(0));
    }

    @Test
    void quantilesClipOutliers() {
        // 0, 1, ..., 100 and one outlier, 10000: 102 values. The 5% quantile sits at rank
        // 0.05 * 101 = 5.05, between 5 and 6: 5.05; the 95% one at rank 95.95: 95.95.
        float[] values = new float[102];
        for (int i = 0; i <= 100; i++) {
            values[i] = i;
        }
        values[101] = 10000;
        Image image = Image.of(1, 1, 102, values);

        Image normalized = Normalization.quantiles(0.05, 0.95).apply(image);

        double scale = 255 / (95.95 - 5.05);
        assertEquals(0, normalized.get(0, 0, 0)); // below the 5% quantile: clipped
        assertEquals(0, normalized.get(0, 0, 5));
        assertEquals((float) ((50 - 5.05) * scale), normalized.get(0, 0, 50), 1e-4f);
        assertEquals(255, normalized.get(0, 0, 96)); // above the 95% quantile: clipped
        assertEquals(255, normalized.get(0, 0, 101)); // the outlier
        // Min/max lets the outlier squash everything else into 0..3.
        assertEquals(50 * 255 / 10000f, Normalization.minMax().apply(image).get(0, 0, 50), 1e-4f);
    }

    @Test
    void clampOnlyCutsWhatIsOutside() {
        Image filtered = Image.gray(new float[][] {{-3, 12.5f, 300}});

        assertArrayEquals(new float[][] {{0, 12.5f, 255}},
                Normalization.clamp().apply(filtered).rows(0));
    }

    @Test
    void allChannelsShareOneStretch() {
        Image colour = Image.of(3, 1, 1, new float[] {0, 10, 20});

        assertArrayEquals(new float[] {0, 127.5f, 255},
                Normalization.minMax().apply(colour).toArray());
    }

    @Test
    void flatImageIsOnlyClamped() {
        Image flat = Image.gray(new float[][] {{300, 300}});

        assertArrayEquals(new float[] {255, 255}, Normalization.minMax().apply(flat).toArray());
        assertArrayEquals(new float[] {255, 255}, Normalization.quantiles().apply(flat).toArray());
    }

    @Test
    void labelsAsOnTheLecturesSlide() {
        assertEquals("non normalisé", Normalization.clamp().label());
        assertEquals("min/max", Normalization.minMax().label());
        assertEquals("0.05/0.95", Normalization.quantiles().label());
        assertEquals("0.01/0.99", Normalization.quantiles(0.01, 0.99).label());
    }

    @Test
    void quantilesMustBeOrderedWithin0And1() {
        assertEquals("quantiles must satisfy 0 <= low < high <= 1, got 0.95 and 0.05",
                assertThrows(IllegalArgumentException.class,
                        () -> Normalization.quantiles(0.95, 0.05)).getMessage());
    }
}
