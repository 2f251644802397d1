package dev.filtre.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelTest {
    @Test
    void defaultAnchorIsOpenCvs() {
        assertEquals(1, Kernels.gaussian().anchorRow());
        assertEquals(1, Kernels.gaussian().anchorColumn());
        Kernel edge = Kernels.verticalEdge(); // [1, -1]: columns / 2 = 1
        assertEquals(0, edge.anchorRow());
        assertEquals(1, edge.anchorColumn());
        Kernel fourByTwo = Kernel.parse("1 2; 3 4; 5 6; 7 8");
        assertEquals(2, fourByTwo.anchorRow());
        assertEquals(1, fourByTwo.anchorColumn());
    }

    @Test
    void divisorDividesEveryWeight() {
        Kernel gaussian = Kernels.gaussian();

        assertEquals(16, gaussian.divisor());
        assertEquals(4, gaussian.weight(1, 1));
        assertEquals(0.25, gaussian.value(1, 1));
        assertEquals(1, gaussian.sum(), 1e-12);
        assertEquals(1, Kernels.box().sum(), 1e-12);
        assertEquals(0, Kernels.laplacianII().sum());
    }

    @Test
    void equalityIsOnTheValuesWhateverTheDivisor() {
        assertEquals(Kernel.parse("2 4 2").withDivisor(2), Kernel.parse("1 2 1"));
        assertEquals(Kernel.parse("2 4 2").withDivisor(2).hashCode(), Kernel.parse("1 2 1").hashCode());
        assertNotEquals(Kernel.parse("1 2 1"), Kernel.parse("1 2 1").withAnchor(0, 0));
        assertEquals(Kernels.laplacianNormalized(), Kernel.parse("0 -0.25 0; -0.25 1 -0.25; 0 -0.25 0"));
    }

    @Test
    void plusAndMinusAlignTheAnchorsOfKernelsOfDifferentSizes() {
        // 1x1 [2] sits on the centre of the 3x3 Laplacian.
        Kernel sum = Kernels.laplacian().plus(Kernel.parse("2"));

        assertEquals(Kernel.parse("0 -1 0; -1 6 -1; 0 -1 0"), sum);
        // [1, -1] (anchor on the -1) minus [1; -1] (anchor on the -1): cells line up on the -1s.
        Kernel cross = Kernels.verticalEdge().minus(Kernels.horizontalEdge());
        assertEquals(Kernel.parse("0 -1; 1 0").withAnchor(1, 1), cross);
    }

    @Test
    void plusOfDifferentDivisorsAddsValues() {
        Kernel sum = Kernels.box().plus(Kernels.gaussian());

        assertEquals(1.0 / 9 + 4.0 / 16, sum.value(1, 1), 1e-12);
        assertEquals(2, sum.sum(), 1e-12);
    }

    @Test
    void timesScalesEveryValue() {
        assertEquals(Kernel.parse("0 -2 0; -2 8 -2; 0 -2 0"), Kernels.laplacian().times(2));
        // Zeros times -1 are -0.0, which still equal 0.
        assertEquals(Kernel.parse("0 1 0; 1 -4 1; 0 1 0"), Kernels.laplacian().times(-1));
    }

    @Test
    void flippedTurnsValuesAndAnchorBy180Degrees() {
        Kernel kernel = Kernel.parse("1 2 3; 4 5 6").withAnchor(0, 0);
        Kernel flipped = kernel.flipped();

        assertEquals(Kernel.parse("6 5 4; 3 2 1").withAnchor(1, 2), flipped);
        assertEquals(kernel, flipped.flipped());
        // OpenCV's default anchor of an even kernel flips to (k - 1) / 2.
        assertEquals(0, Kernels.verticalEdge().flipped().anchorColumn());
    }

    @Test
    void symmetricMeansConvolutionEqualsCorrelation() {
        for (Kernel symmetric : new Kernel[] {Kernels.identity(), Kernels.box(), Kernels.gaussian(),
                Kernels.gaussian(1.5), Kernels.laplacian(), Kernels.laplacianII(), Kernels.sharpen(),
                LectureExamplesTest.PLUS}) {
            assertTrue(symmetric.isSymmetric(), symmetric.toString());
        }
        for (Kernel asymmetric : new Kernel[] {Kernels.verticalEdge(), Kernels.horizontalEdge(),
                Kernels.sobelX(), Kernels.sobelY(), Kernels.emboss(), Kernel.parse("1 1")}) {
            assertFalse(asymmetric.isSymmetric(), asymmetric.toString());
        }
    }

    @Test
    void separatesRankOneKernels() {
        for (Kernel separable : new Kernel[] {Kernels.box(), Kernels.box(5), Kernels.gaussian(),
                Kernels.gaussian(2.0), Kernels.gaussianOfSize(15), Kernels.sobelX(), Kernels.sobelY(),
                Kernels.identity(), Kernels.verticalEdge()}) {
            Kernel.Separation parts = separable.separate().orElseThrow(
                    () -> new AssertionError(separable + " should be separable"));
            Kernel product = parts.product();
            assertEquals(separable.rows(), product.rows());
            assertEquals(separable.anchorColumn(), product.anchorColumn());
            assertArrayEquals(separable.values(), product.values(), 1e-12, separable.toString());
        }
        // Gaussian 1 2 1 / 2 4 2 / 1 2 1 / 16 = (1 2 1)^T (1 2 1) / 16.
        Kernel.Separation gaussian = Kernels.gaussian().separate().orElseThrow();
        assertArrayEquals(new double[] {0.25, 0.5, 0.25}, gaussian.row().values(), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.5, 0.25}, gaussian.column().values(), 1e-12);

        for (Kernel notSeparable : new Kernel[] {Kernels.laplacian(), Kernels.laplacianII(),
                Kernels.sharpen(), Kernels.emboss(), LectureExamplesTest.PLUS, Kernel.parse("0")}) {
            assertTrue(notSeparable.separate().isEmpty(), notSeparable.toString());
        }
    }

    @Test
    void gaussianFromSigma() {
        Kernel gaussian = Kernels.gaussian(2.0);

        assertEquals(13, gaussian.rows()); // 2 * ceil(3 * 2) + 1
        assertEquals(1, gaussian.sum(), 1e-12);
        // exp(-1 / (2 * 4)) relative to the centre, along a row.
        assertEquals(Math.exp(-1.0 / 8), gaussian.value(6, 7) / gaussian.value(6, 6), 1e-12);
        assertEquals(15, Kernels.gaussianOfSize(15).rows());
    }

    @Test
    void parsesRowsFractionsAndCommas() {
        assertEquals(Kernels.box(), Kernel.parse("1/9 1/9 1/9; 1/9, 1/9, 1/9\n1/9 1/9 1/9;"));
        assertEquals("1 2 1; 2 4 2; 1 2 1 / 16", Kernels.gaussian().toString());
        assertEquals(Kernels.sharpen(), Kernel.parse(Kernels.sharpen().toString()));
    }

    @Test
    void parseErrorsNameTheRowAndColumn() {
        assertMessage("kernel row 2, column 3: 'x' is not a number", "0 -1 0; -1 5 x; 0 -1 0");
        assertMessage("kernel row 3 has 2 values but row 1 has 3: a kernel is rectangular",
                "0 -1 0; -1 5 -1; 0 -1");
        assertMessage("kernel row 2 is empty", "1 2; ; 3 4");
        assertMessage("kernel row 1, column 2: '1/0' is not a number", "1 1/0");
        assertMessage("empty kernel: write rows such as \"0 -1 0; -1 5 -1\"", "  ");
    }

    @Test
    void badKernelsAreRejectedWithTheirPosition() {
        assertEquals("a kernel's divisor must be a finite non-zero number, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Kernels.box().withDivisor(0))
                        .getMessage());
        assertEquals("kernel row 2 has 1 values but row 1 has 2: a kernel is rectangular",
                assertThrows(IllegalArgumentException.class,
                        () -> Kernel.of(new double[][] {{1, 2}, {3}})).getMessage());
        assertEquals("anchor (3, 0) is outside the 3x3 kernel",
                assertThrows(IllegalArgumentException.class,
                        () -> Kernels.box().withAnchor(3, 0)).getMessage());
    }

    private static void assertMessage(String expected, String text) {
        assertEquals(expected,
                assertThrows(IllegalArgumentException.class, () -> Kernel.parse(text)).getMessage());
    }
}
