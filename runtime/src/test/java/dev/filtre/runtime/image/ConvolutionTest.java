package dev.filtre.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvolutionTest {
    /**
     * The separable path adds the same products in another order, in float: on 0..255 images the
     * two paths agree within 1e-3 (about 4e-6 of the range; float's epsilon is 1.2e-7, and a
     * 15x15 kernel sums 225 products).
     */
    private static final float SEPARABLE_TOLERANCE = 1e-3f;

    static Image randomImage(int channels, int height, int width, long seed) {
        Random random = new Random(seed);
        float[] values = new float[channels * height * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(256);
        }
        return Image.of(channels, height, width, values);
    }

    @Test
    void identityLeavesAnyImageUnchanged() {
        Image image = randomImage(3, 9, 11, 1);

        for (BorderMode mode : BorderMode.values()) {
            Image filtered = Convolution.convolve(image, Kernels.identity(), mode);
            if (mode == BorderMode.CROP) {
                assertEquals(7, filtered.height());
                assertEquals(image.get(2, 1, 1), filtered.get(2, 0, 0));
                assertEquals(image.get(0, 7, 9), filtered.get(0, 6, 8));
            } else if (mode == BorderMode.COPY_ADJACENT) {
                // Unchanged inside; the border copies its inner neighbour, as the mode says.
                assertEquals(image.get(1, 4, 5), filtered.get(1, 4, 5));
                assertEquals(image.get(1, 1, 1), filtered.get(1, 0, 0));
                assertEquals(image.get(2, 7, 5), filtered.get(2, 8, 5));
            } else {
                assertEquals(image, filtered, mode.name());
            }
        }
    }

    @Test
    void convolutionIsCorrelationWithTheFlippedKernel() {
        Image image = randomImage(2, 8, 10, 2);
        Kernel asymmetric = Kernel.parse("1 2 -3; 0 4 1"); // 2x3, anchor (1, 1)

        for (BorderMode mode : BorderMode.values()) {
            assertEquals(
                    Convolution.correlate(image, asymmetric.flipped(), mode),
                    Convolution.convolve(image, asymmetric, mode),
                    mode.name());
        }
    }

    @Test
    void convolutionOfAnImpulseIsTheKernelItselfAndCorrelationItsFlip() {
        // The lecture's "retournée": convolving a single 1 draws the kernel; correlating draws it
        // turned around.
        Image impulse = Image.gray(new float[][] {{0, 0, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 0, 0}});
        Kernel kernel = Kernel.parse("1 2 3; 4 5 6; 7 8 9");

        assertArrayEquals(new float[][] {{0, 1, 2, 3, 0}, {0, 4, 5, 6, 0}, {0, 7, 8, 9, 0}},
                Convolution.convolve(impulse, kernel, BorderMode.ZERO).rows(0));
        assertArrayEquals(new float[][] {{0, 9, 8, 7, 0}, {0, 6, 5, 4, 0}, {0, 3, 2, 1, 0}},
                Convolution.correlate(impulse, kernel, BorderMode.ZERO).rows(0));
    }

    @Test
    void separablePathEqualsTheDirectOne() {
        Image image = randomImage(1, 41, 37, 3);

        for (Kernel kernel : new Kernel[] {Kernels.gaussian(), Kernels.box(5),
                Kernels.gaussianOfSize(15), Kernels.gaussian(1.3), Kernels.sobelX(),
                Kernel.parse("1 2 3; 2 4 6").withAnchor(0, 2)}) {
            for (BorderMode mode : BorderMode.values()) {
                float[] direct =
                        Convolution.convolve(image, kernel, mode, Convolution.Strategy.DIRECT).toArray();
                float[] separable =
                        Convolution.convolve(image, kernel, mode, Convolution.Strategy.SEPARABLE).toArray();
                assertArrayEquals(direct, separable, SEPARABLE_TOLERANCE, kernel + " " + mode);
                assertArrayEquals(direct, Convolution.convolve(image, kernel, mode).toArray(),
                        SEPARABLE_TOLERANCE, kernel + " " + mode + " automatic");
            }
        }
    }

    @Test
    void separableStrategyRefusesOtherKernels() {
        assertEquals("kernel 0 -1 0; -1 4 -1; 0 -1 0 is not separable",
                assertThrows(IllegalArgumentException.class, () -> Convolution.convolve(
                        randomImage(1, 4, 4, 4), Kernels.laplacian(), BorderMode.ZERO,
                        Convolution.Strategy.SEPARABLE)).getMessage());
    }

    @Test
    void automaticStrategyTakesTheSeparablePathForBlurs() {
        assertEquals(true, PlaneCorrelator.automatic(Kernels.gaussian()).isSeparable());
        assertEquals(true, PlaneCorrelator.automatic(Kernels.gaussianOfSize(15)).isSeparable());
        assertEquals(true, PlaneCorrelator.automatic(Kernels.box()).isSeparable());
        assertEquals(false, PlaneCorrelator.automatic(Kernels.laplacian()).isSeparable());
        assertEquals(false, PlaneCorrelator.automatic(Kernels.identity()).isSeparable());
    }

    @Test
    void colourChannelsAreFilteredOnTheirOwn() {
        Image colour = randomImage(3, 6, 7, 5);
        Image blurred = Convolution.convolve(colour, Kernels.gaussian(), BorderMode.EXTEND);

        for (int c = 0; c < 3; c++) {
            assertEquals(
                    Convolution.convolve(colour.channel(c), Kernels.gaussian(), BorderMode.EXTEND),
                    blurred.channel(c));
        }
    }

    @Test
    void volumeKernelSumsTheChannels() {
        // Two channels; channel 0 through the identity, channel 1 through [0 0 0; 0 0 0; 0 2 0]
        // (twice the pixel below, by correlation): out = c0(y, x) + 2 * c1(y + 1, x).
        Image image = Image.stack(java.util.List.of(
                Image.gray(new float[][] {{1, 2}, {3, 4}}),
                Image.gray(new float[][] {{10, 20}, {30, 40}})));
        VolumeKernel kernel = VolumeKernel.of(
                Kernels.identity(), Kernel.parse("0 0 0; 0 0 0; 0 2 0"));

        Image out = Convolution.correlate(image, kernel, BorderMode.ZERO);

        // (0,0): 1 + 2*30 = 61; (1,0): 3 + 2*0 (below the image) = 3.
        assertArrayEquals(new float[][] {{61, 82}, {3, 4}}, out.rows(0));
        assertEquals(Convolution.correlate(image, kernel.flipped(), BorderMode.ZERO),
                Convolution.convolve(image, kernel, BorderMode.ZERO));
    }

    @Test
    void volumeKernelErrors() {
        Image colour = randomImage(3, 4, 4, 6);

        assertEquals("a 2-channel kernel cannot filter a 3-channel image (3x4x4)",
                assertThrows(IllegalArgumentException.class, () -> Convolution.convolve(colour,
                        VolumeKernel.of(Kernels.box(), Kernels.box()), BorderMode.ZERO)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Convolution.convolve(colour,
                VolumeKernel.of(Kernels.box(), Kernels.box(), Kernels.box()), BorderMode.KEEP));
        assertEquals("channel 1's kernel is 1x2 anchored at (0, 1) but channel 0's is 3x3 anchored"
                + " at (1, 1)", assertThrows(IllegalArgumentException.class,
                        () -> VolumeKernel.of(Kernels.box(), Kernels.verticalEdge())).getMessage());
    }
}
