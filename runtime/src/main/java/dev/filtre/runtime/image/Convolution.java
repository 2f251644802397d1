package dev.filtre.runtime.image;

import java.util.Arrays;

/**
 * True 2-D convolution and correlation of images, channel by channel (a 2-D {@link Kernel}) or
 * across channels (a {@link VolumeKernel}).
 *
 * <p>Convolution turns the kernel around first (the lecture: the second matrix is
 * "retournée"); correlation does not. For a {@linkplain Kernel#isSymmetric() symmetric} kernel,
 * such as all the lecture's examples, they agree. See {@link Kernel} for the anchor convention
 * and the formulas, {@link BorderMode} for the border.
 *
 * <p>Separable kernels (box blurs, Gaussians) are detected and filtered with their column then
 * their row when that saves multiplications ({@link Strategy#AUTOMATIC}); the result equals the
 * direct one up to float rounding (the sums are added in another order).
 */
public final class Convolution {
    private Convolution() {}

    /** How the correlation is computed; every strategy gives the same image up to rounding. */
    public enum Strategy {
        /** Separable when the kernel is and that saves work, direct otherwise. */
        AUTOMATIC,
        /** Every kernel value times every pixel under it. */
        DIRECT,
        /** The kernel's column, then its row; fails for a kernel that is not separable. */
        SEPARABLE
    }

    /** {@code image} convolved with {@code kernel}, each channel on its own. */
    public static Image convolve(Image image, Kernel kernel, BorderMode mode) {
        return correlate(image, kernel.flipped(), mode, Strategy.AUTOMATIC);
    }

    /** {@code image} convolved with {@code kernel}, computed as {@code strategy} says. */
    public static Image convolve(Image image, Kernel kernel, BorderMode mode, Strategy strategy) {
        return correlate(image, kernel.flipped(), mode, strategy);
    }

    /** {@code image} correlated with {@code kernel} (not flipped), each channel on its own. */
    public static Image correlate(Image image, Kernel kernel, BorderMode mode) {
        return correlate(image, kernel, mode, Strategy.AUTOMATIC);
    }

    /**
     * {@code image} correlated with {@code kernel}, each channel on its own, computed as
     * {@code strategy} says.
     *
     * @throws IllegalArgumentException if {@code mode} is {@link BorderMode#CROP} or
     *     {@link BorderMode#COPY_ADJACENT} and the kernel is larger than the image, or the
     *     strategy is {@link Strategy#SEPARABLE} and the kernel is not separable
     */
    public static Image correlate(Image image, Kernel kernel, BorderMode mode, Strategy strategy) {
        PlaneCorrelator correlator = correlator(kernel, strategy);
        return filterChannels(image, mode, correlator);
    }

    /**
     * {@code image} convolved with the 3-D {@code kernel}: one plane, the sum over channels of
     * each channel convolved with its 2-D kernel.
     *
     * @throws IllegalArgumentException if the image and the kernel have different channel
     *     counts, or {@code mode} is {@link BorderMode#KEEP} (a plane mixed from several
     *     channels has no original value to keep)
     */
    public static Image convolve(Image image, VolumeKernel kernel, BorderMode mode) {
        return correlate(image, kernel.flipped(), mode);
    }

    /** {@code image} correlated with the 3-D {@code kernel}; see {@link #convolve(Image, VolumeKernel, BorderMode)}. */
    public static Image correlate(Image image, VolumeKernel kernel, BorderMode mode) {
        if (image.channels() != kernel.channels()) {
            throw new IllegalArgumentException(
                    "a " + kernel.channels() + "-channel kernel cannot filter a " + image.channels()
                            + "-channel image (" + image.shape() + ")");
        }
        if (mode == BorderMode.KEEP) {
            throw new IllegalArgumentException(
                    "KEEP has no original value to keep in a plane mixed from " + image.channels()
                            + " channels; use COPY_ADJACENT, PARTIAL or a padding mode");
        }
        float[] sum = null;
        int height = 0;
        int width = 0;
        for (int c = 0; c < image.channels(); c++) {
            PlaneCorrelator correlator = correlator(kernel.channel(c), Strategy.AUTOMATIC);
            Image filtered = filterChannels(image.channel(c), mode, correlator);
            float[] values = filtered.values();
            if (sum == null) {
                sum = values.clone();
                height = filtered.height();
                width = filtered.width();
            } else {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += values[i];
                }
            }
        }
        return Image.wrap(1, height, width, sum);
    }

    private static PlaneCorrelator correlator(Kernel kernel, Strategy strategy) {
        return switch (strategy) {
            case AUTOMATIC -> PlaneCorrelator.automatic(kernel);
            case DIRECT -> PlaneCorrelator.direct(kernel);
            case SEPARABLE -> PlaneCorrelator.separable(kernel);
        };
    }

    private static Image filterChannels(Image image, BorderMode mode, PlaneCorrelator correlator) {
        int height = image.height();
        int width = image.width();
        BorderHandler.check(mode, correlator, height, width);
        int outHeight = BorderHandler.outputHeight(mode, correlator, height);
        int outWidth = BorderHandler.outputWidth(mode, correlator, width);
        int planeSize = height * width;
        int outSize = outHeight * outWidth;
        float[] out = new float[image.channels() * outSize];
        float[] values = image.values();
        for (int c = 0; c < image.channels(); c++) {
            float[] plane = image.channels() == 1
                    ? values // the filters only read their input
                    : Arrays.copyOfRange(values, c * planeSize, (c + 1) * planeSize);
            float[] filtered = BorderHandler.apply(mode, correlator, plane, height, width);
            System.arraycopy(filtered, 0, out, c * outSize, outSize);
        }
        return Image.wrap(image.channels(), outHeight, outWidth, out);
    }
}
