package dev.filtre.runtime.image;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable image made of float planes: {@code channels x height x width} values, channel
 * first then row-major (the layout of one sample of an NCHW tensor).
 *
 * <p>A grayscale image has one channel, a colour image three (red, green, blue). Values are
 * not limited to 0..255: a filter may produce negative values or values above 255, and a
 * {@link Normalization} brings them back to the displayable range before {@link ImageFiles}
 * writes them.
 */
public final class Image {
    private final int channels;
    private final int height;
    private final int width;
    private final float[] values;

    private Image(int channels, int height, int width, float[] values) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.values = values;
    }

    /**
     * An image of the given size holding a copy of {@code values}, laid out channel by channel,
     * each channel row by row.
     *
     * @throws IllegalArgumentException if a size is not positive or {@code values} does not hold
     *     exactly {@code channels * height * width} numbers
     */
    public static Image of(int channels, int height, int width, float[] values) {
        checkSize(channels, height, width);
        long expected = (long) channels * height * width;
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    "an image of " + channels + "x" + height + "x" + width + " needs " + expected
                            + " values, got " + values.length);
        }
        return new Image(channels, height, width, values.clone());
    }

    /** A black image (every value 0) of the given size. */
    public static Image zeros(int channels, int height, int width) {
        checkSize(channels, height, width);
        return new Image(channels, height, width, new float[channels * height * width]);
    }

    /**
     * A grayscale image from its rows, as the lecture writes its tables.
     *
     * @throws IllegalArgumentException if there are no rows, a row is empty, or rows differ in
     *     length (the message names the first row that differs)
     */
    public static Image gray(float[][] rows) {
        int height = rows.length;
        if (height == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("an image needs at least one row and one column");
        }
        int width = rows[0].length;
        float[] values = new float[height * width];
        for (int y = 0; y < height; y++) {
            if (rows[y].length != width) {
                throw new IllegalArgumentException(
                        "row " + (y + 1) + " has " + rows[y].length + " values but row 1 has " + width
                                + ": an image is rectangular");
            }
            System.arraycopy(rows[y], 0, values, y * width, width);
        }
        return new Image(1, height, width, values);
    }

    /**
     * The image whose channels are the given single-channel images, in order (for example the
     * red, green and blue planes of a colour image).
     *
     * @throws IllegalArgumentException if the list is empty, an image has more than one channel,
     *     or the sizes differ
     */
    public static Image stack(List<Image> planes) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("stacking needs at least one plane");
        }
        Image first = planes.get(0);
        int size = first.height * first.width;
        float[] values = new float[planes.size() * size];
        for (int c = 0; c < planes.size(); c++) {
            Image plane = planes.get(c);
            if (plane.channels != 1 || plane.height != first.height || plane.width != first.width) {
                throw new IllegalArgumentException(
                        "plane " + c + " is " + plane.shape() + ", expected 1x" + first.height + "x"
                                + first.width);
            }
            System.arraycopy(plane.values, 0, values, c * size, size);
        }
        return new Image(planes.size(), first.height, first.width, values);
    }

    /** Wraps {@code values} without copying; the caller hands over ownership. */
    static Image wrap(int channels, int height, int width, float[] values) {
        return new Image(channels, height, width, values);
    }

    private static void checkSize(int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "image sizes must be positive, got " + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "image of " + channels + "x" + height + "x" + width + " is too large");
        }
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** {@code "CxHxW"}, for messages. */
    public String shape() {
        return channels + "x" + height + "x" + width;
    }

    /**
     * The value at ({@code channel}, {@code row}, {@code column}).
     *
     * @throws IndexOutOfBoundsException naming the coordinate that is outside the image
     */
    public float get(int channel, int row, int column) {
        if (channel < 0 || channel >= channels || row < 0 || row >= height || column < 0
                || column >= width) {
            throw new IndexOutOfBoundsException(
                    "(" + channel + ", " + row + ", " + column + ") is outside the " + shape() + " image");
        }
        return values[(channel * height + row) * width + column];
    }

    /** Channel {@code channel} as a single-channel image. */
    public Image channel(int channel) {
        if (channel < 0 || channel >= channels) {
            throw new IndexOutOfBoundsException(
                    "channel " + channel + " of an image with " + channels + " channel(s)");
        }
        int size = height * width;
        return new Image(1, height, width,
                Arrays.copyOfRange(values, channel * size, (channel + 1) * size));
    }

    /** Channel {@code channel} as rows, a fresh copy (handy in tests and for printing). */
    public float[][] rows(int channel) {
        if (channel < 0 || channel >= channels) {
            throw new IndexOutOfBoundsException(
                    "channel " + channel + " of an image with " + channels + " channel(s)");
        }
        float[][] rows = new float[height][];
        int base = channel * height * width;
        for (int y = 0; y < height; y++) {
            rows[y] = Arrays.copyOfRange(values, base + y * width, base + (y + 1) * width);
        }
        return rows;
    }

    /**
     * This image in grayscale: itself if it has one channel; for red, green and blue, the luma
     * {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601, as OpenCV's {@code cvtColor} computes it).
     *
     * @throws IllegalArgumentException for another number of channels
     */
    public Image toGray() {
        if (channels == 1) {
            return this;
        }
        if (channels != 3) {
            throw new IllegalArgumentException(
                    "only a 3-channel (RGB) image has a grayscale version, this one is " + shape());
        }
        int size = height * width;
        float[] gray = new float[size];
        for (int i = 0; i < size; i++) {
            gray[i] = 0.299f * values[i] + 0.587f * values[size + i] + 0.114f * values[2 * size + i];
        }
        return new Image(1, height, width, gray);
    }

    /** A copy of every value, channel by channel, row by row. */
    public float[] toArray() {
        return values.clone();
    }

    /** The values themselves, for this package's filters, which never write to them. */
    float[] values() {
        return values;
    }

    /** The smallest value over every channel. */
    public float min() {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** The largest value over every channel. */
    public float max() {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Same size and the same values, exactly. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Image that
                && channels == that.channels
                && height == that.height
                && width == that.width
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * channels + height) + width) + Arrays.hashCode(values);
    }

    /** The shape, and the values too when the image is small enough to read them. */
    @Override
    public String toString() {
        if (values.length > 64) {
            return "Image[" + shape() + "]";
        }
        StringBuilder text = new StringBuilder("Image[").append(shape()).append(": ");
        for (int c = 0; c < channels; c++) {
            text.append(c == 0 ? "" : " | ").append(Arrays.deepToString(rows(c)));
        }
        return text.append(']').toString();
    }
}
