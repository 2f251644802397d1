package dev.filtre.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every border mode on a 3x4 image with the lecture's plus-shaped kernel, against values
 * computed by hand. Each output is centre + up + down + left + right; only row 1, columns 1
 * and 2 have the whole kernel inside: 6 + 2 + 10 + 5 + 7 = 30 and 7 + 3 + 11 + 6 + 8 = 35.
 */
class BorderModeTest {
    private static final Image IMAGE = Image.gray(new float[][] {
            {1, 2, 3, 4},
            {5, 6, 7, 8},
            {9, 10, 11, 12}});
    private static final Kernel PLUS = LectureExamplesTest.PLUS;
    private static final float EXACT = 0;

    private static float[][] filter(BorderMode mode) {
        return Convolution.convolve(IMAGE, PLUS, mode).rows(0);
    }

    @Test
    void crop() {
        assertArrayEquals(new float[][] {{30, 35}}, filter(BorderMode.CROP));
    }

    @Test
    void keep() {
        assertArrayEquals(new float[][] {
                {1, 2, 3, 4},
                {5, 30, 35, 8},
                {9, 10, 11, 12}}, filter(BorderMode.KEEP));
    }

    @Test
    void copyAdjacent() {
        // Every pixel takes the nearest computed one: columns 0-1 copy 30, columns 2-3 copy 35.
        assertArrayEquals(new float[][] {
                {30, 30, 35, 35},
                {30, 30, 35, 35},
                {30, 30, 35, 35}}, filter(BorderMode.COPY_ADJACENT));
    }

    @Test
    void zero() {
        // (0,0): 1 + 0 (up) + 5 (down) + 0 (left) + 2 (right) = 8
        // (2,3): 12 + 8 + 0 + 11 + 0 = 31
        assertArrayEquals(new float[][] {
                {8, 12, 16, 15},
                {21, 30, 35, 31},
                {24, 36, 40, 31}}, filter(BorderMode.ZERO));
    }

    @Test
    void extend() {
        // (0,0): 1 + 1 (up, repeated) + 5 + 1 (left, repeated) + 2 = 10
        // (2,3): 12 + 8 + 12 (down) + 11 + 12 (right) = 55
        assertArrayEquals(new float[][] {
                {10, 14, 19, 23},
                {26, 30, 35, 39},
                {42, 46, 51, 55}}, filter(BorderMode.EXTEND));
    }

    @Test
    void wrap() {
        // (0,0): 1 + 9 (up = last row) + 5 + 4 (left = last column) + 2 = 21
        // (2,3): 12 + 8 + 4 (down = first row) + 11 + 9 (right = first column) = 44
        assertArrayEquals(new float[][] {
                {21, 22, 27, 28},
                {29, 30, 35, 36},
                {37, 38, 43, 44}}, filter(BorderMode.WRAP));
    }

    @Test
    void mirror() {
        // Reflected about the edge pixel: above row 0 is row 1, left of column 0 is column 1.
        // (0,0): 1 + 5 (up = row 1) + 5 + 2 (left = column 1) + 2 = 15
        // (2,3): 12 + 8 + 8 (down = row 1) + 11 + 11 (right = column 2) = 50
        assertArrayEquals(new float[][] {
                {15, 18, 23, 26},
                {27, 30, 35, 38},
                {39, 42, 47, 50}}, filter(BorderMode.MIRROR));
    }

    @Test
    void partialRenormalizesTheInsidePartOfABlur() {
        // The kernel sums to 5. At (0,0) three of its cells are inside: (1 + 5 + 2) * 5/3 = 40/3.
        // At (0,1) four are: (2 + 6 + 1 + 3) * 5/4 = 15. Inside, the whole kernel: 30 and 35.
        float[][] expected = {
                {40f / 3, 15, 20, 25},
                {105f / 4, 30, 35, 155f / 4},
                {40, 45, 50, 155f / 3}};
        float[][] actual = filter(BorderMode.PARTIAL);
        for (int y = 0; y < expected.length; y++) {
            assertArrayEquals(expected[y], actual[y], 1e-5f, "row " + y);
        }
    }

    @Test
    void partialShiftsTheInsidePartOfAZeroSumKernel() {
        // The Laplacian sums to 0, its inside part at (0,0) to 4 - 1 - 1 = 2, which no scaling
        // brings to 0: each of the 3 inside non-zero weights is shifted by -2/3 instead, so
        // 4*1 - 5 - 2 - 2/3 * (1 + 5 + 2) = -3 - 16/3 = -25/3.
        Image edges = Convolution.convolve(IMAGE, Kernels.laplacian(), BorderMode.PARTIAL);

        assertEquals(-25f / 3, edges.get(0, 0, 0), 1e-5f);
        // Inside: 4*6 - 2 - 10 - 5 - 7 = 0 (the image is a linear ramp).
        assertEquals(0, edges.get(0, 1, 1), EXACT);
    }

    @Test
    void partialKeepsAFlatImageFlatForBlursAndDerivatives() {
        Image flat = Image.gray(new float[][] {{7, 7, 7, 7}, {7, 7, 7, 7}, {7, 7, 7, 7}});

        for (Kernel kernel : new Kernel[] {Kernels.box(3), Kernels.gaussian(1.0), PLUS.times(0.2)}) {
            for (float value : Convolution.convolve(flat, kernel, BorderMode.PARTIAL).toArray()) {
                assertEquals(7, value, 1e-5f, kernel.toString());
            }
        }
        for (Kernel kernel : new Kernel[] {Kernels.laplacian(), Kernels.sobelX(),
                Kernels.verticalEdge()}) {
            for (float value : Convolution.convolve(flat, kernel, BorderMode.PARTIAL).toArray()) {
                assertEquals(0, value, 1e-5f, kernel.toString());
            }
        }
    }

    @Test
    void evenKernelIsAnchoredAsOpenCvDoes() {
        // [1, -1] is anchored on its second cell (column 2 / 2 = 1). Convolved (flipped, anchor
        // 2 - 1 - 1 = 0) it is the forward difference in(x + 1) - in(x); correlated, in(x - 1) - in(x).
        Image row = Image.gray(new float[][] {{1, 2, 4, 7}});

        assertArrayEquals(new float[][] {{1, 2, 3, -7}},
                Convolution.convolve(row, Kernels.verticalEdge(), BorderMode.ZERO).rows(0));
        assertArrayEquals(new float[][] {{-1, -1, -2, -3}},
                Convolution.correlate(row, Kernels.verticalEdge(), BorderMode.ZERO).rows(0));
        assertArrayEquals(new float[][] {{1, 2, 3}},
                Convolution.convolve(row, Kernels.verticalEdge(), BorderMode.CROP).rows(0));
        // KEEP: the last pixel has no right neighbour and keeps its 7.
        assertArrayEquals(new float[][] {{1, 2, 3, 7}},
                Convolution.convolve(row, Kernels.verticalEdge(), BorderMode.KEEP).rows(0));
    }

    @Test
    void paddingReachesFarForAKernelLargerThanTheImage() {
        Image row = Image.gray(new float[][] {{1, 2, 3}});
        Kernel wide = Kernel.of(new double[][] {{1, 1, 1, 1, 1, 1, 1}}); // reads x-3 .. x+3

        // Mirror of 1 2 3 repeats as ... 2 3 2 | 1 2 3 | 2 1 2 ...: at x = 0, 2+3+2+1+2+3+2 = 15.
        assertEquals(15, Convolution.convolve(row, wide, BorderMode.MIRROR).get(0, 0, 0));
        // Wrap: ... 1 2 3 | 1 2 3 | 1 2 3 ...: at x = 0, 1+2+3+1+2+3+1 = 13.
        assertEquals(13, Convolution.convolve(row, wide, BorderMode.WRAP).get(0, 0, 0));
        // KEEP has no pixel to compute and returns the image.
        assertEquals(row, Convolution.convolve(row, wide, BorderMode.KEEP));
    }

    @Test
    void cropAndCopyAdjacentNeedTheKernelToFit() {
        Image tiny = Image.gray(new float[][] {{1, 2}, {3, 4}});

        for (BorderMode mode : new BorderMode[] {BorderMode.CROP, BorderMode.COPY_ADJACENT}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Convolution.convolve(tiny, PLUS, mode));
            assertTrue(error.getMessage().contains("3x3 kernel does not fit in the 2x2 image"),
                    error.getMessage());
        }
    }
}
