package dev.filtre.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The lecture's worked convolution example ("La convolution" slides), exactly. */
class LectureExamplesTest {
    static final Image LECTURE_IMAGE = Image.gray(new float[][] {
            {2, 0, 4, 1, 0},
            {1, 1, 1, 0, 0},
            {5, 1, 3, 0, 0},
            {1, 0, 0, 0, 0}});
    static final Kernel PLUS = Kernel.of(new double[][] {{0, 1, 0}, {1, 1, 1}, {0, 1, 0}});

    @Test
    void interiorIsTheLecturesTable() {
        // First cell, as the slide writes it: 2x0 + 0x1 + 4x0 + 1x1 + 1x1 + 1x1 + 5x0 + 1x1 + 3x0 = 4.
        Image interior = Convolution.convolve(LECTURE_IMAGE, PLUS, BorderMode.CROP);

        assertArrayEquals(new float[][] {{4, 9, 2}, {10, 5, 3}}, interior.rows(0));
    }

    @Test
    void keptBorderIsTheLecturesFourByFiveTable() {
        Image kept = Convolution.convolve(LECTURE_IMAGE, PLUS, BorderMode.KEEP);

        assertArrayEquals(new float[][] {
                {2, 0, 4, 1, 0},
                {1, 4, 9, 2, 0},
                {5, 10, 5, 3, 0},
                {1, 0, 0, 0, 0}}, kept.rows(0));
    }

    @Test
    void symmetricKernelGivesTheSameTableByCorrelation() {
        // "En pratique, la matrice ... est symétrique. Ce qui nous simplifie la vie."
        assertEquals(
                Convolution.convolve(LECTURE_IMAGE, PLUS, BorderMode.KEEP),
                Convolution.correlate(LECTURE_IMAGE, PLUS, BorderMode.KEEP));
    }

    @Test
    void sharpenIsIdentityPlusLaplacian() {
        // "Cumul de filtres": 0 -1 0 / -1 5 -1 / 0 -1 0 = identity + 0 -1 0 / -1 4 -1 / 0 -1 0.
        assertEquals(Kernels.sharpen(), Kernels.identity().plus(Kernels.laplacian()));
        assertEquals(
                Kernel.parse("0 -1 0; -1 5 -1; 0 -1 0"),
                Kernel.parse("0 0 0; 0 1 0; 0 0 0").plus(Kernel.parse("0 -1 0; -1 4 -1; 0 -1 0")));
        assertEquals(Kernels.laplacian(), Kernels.sharpen().minus(Kernels.identity()));
    }

    @Test
    void sharpenedImageIsImagePlusItsLaplacian() {
        Image sharpened = Convolution.convolve(LECTURE_IMAGE, Kernels.sharpen(), BorderMode.ZERO);
        Image laplacian = Convolution.convolve(LECTURE_IMAGE, Kernels.laplacian(), BorderMode.ZERO);
        float[] expected = LECTURE_IMAGE.toArray();
        float[] edges = laplacian.toArray();
        for (int i = 0; i < expected.length; i++) {
            expected[i] += edges[i];
        }

        assertArrayEquals(expected, sharpened.toArray());
    }
}
