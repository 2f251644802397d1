package dev.filtre.examples.fashion;

import dev.filtre.runtime.image.Image;

/**
 * Turns a picture of any size into what FashionNet was trained on: a 28x28 grayscale image of a
 * light item on a black background, filling the frame, values 0 to 255.
 *
 * <p>The steps follow how Fashion-MNIST itself was made from product photos (Xiao et al., 2017):
 * colour to gray (ITU-R BT.601 luma); inverted when the background is light, since the data set's
 * items are light on black; levels stretched so the background is 0 and the brightest pixel 255;
 * cropped to the item; padded to a square, centred; then shrunk to 28x28 by area averaging (each
 * output pixel is the mean of the source area it covers, partial pixels weighted by their overlap),
 * which does not alias the way nearest-neighbour sampling does.
 */
public final class FashionMnistInput {
    /** Fashion-MNIST's side. */
    public static final int SIDE = 28;

    /** Pixels this far (out of 255) above the background belong to the item when cropping. */
    static final float CONTENT_THRESHOLD = 32;

    private FashionMnistInput() {}

    /**
     * Prepares a picture (one channel gray, or three red, green, blue; values 0 to 255).
     *
     * @throws IllegalArgumentException when the picture has another number of channels
     */
    public static Image prepare(Image picture) {
        Image gray = grayscale(picture);
        Image lightOnDark = hasLightBackground(gray) ? invert(gray) : gray;
        Image stretched = stretchFromBackground(lightOnDark);
        Image item = cropToContent(stretched);
        return resizeByArea(padToSquare(item), SIDE, SIDE);
    }

    /** One gray channel: the picture itself if gray, else {@code 0.299 R + 0.587 G + 0.114 B}. */
    static Image grayscale(Image picture) {
        if (picture.channels() == 1) {
            return picture;
        }
        if (picture.channels() != 3) {
            throw new IllegalArgumentException(String.format(
                    "expected a gray (1 channel) or colour (3 channels) picture, got %s", picture.shape()));
        }
        int size = picture.height() * picture.width();
        float[] rgb = picture.toArray();
        float[] gray = new float[size];
        for (int i = 0; i < size; i++) {
            gray[i] = 0.299f * rgb[i] + 0.587f * rgb[size + i] + 0.114f * rgb[2 * size + i];
        }
        return Image.of(1, picture.height(), picture.width(), gray);
    }

    /** The mean of the outermost rows and columns: what surrounds the item. */
    static float backgroundLevel(Image gray) {
        int height = gray.height();
        int width = gray.width();
        double sum = 0;
        int count = 0;
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                if (row == 0 || row == height - 1 || column == 0 || column == width - 1) {
                    sum += gray.get(0, row, column);
                    count++;
                }
            }
        }
        return (float) (sum / count);
    }

    /** True when the background is closer to white than to black. */
    static boolean hasLightBackground(Image gray) {
        return backgroundLevel(gray) > 127.5f;
    }

    /** {@code 255 - v} for every pixel. */
    static Image invert(Image gray) {
        float[] values = gray.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = 255 - values[i];
        }
        return Image.of(1, gray.height(), gray.width(), values);
    }

    /**
     * Maps the background level to 0 and the brightest pixel to 255, clamping what is darker than
     * the background; an image with nothing brighter than its background becomes black.
     */
    static Image stretchFromBackground(Image gray) {
        float background = backgroundLevel(gray);
        float max = gray.max();
        float[] values = gray.toArray();
        float range = max - background;
        for (int i = 0; i < values.length; i++) {
            values[i] = range > 0 ? Math.max(0, values[i] - background) * 255 / range : 0;
        }
        return Image.of(1, gray.height(), gray.width(), values);
    }

    /**
     * The smallest rectangle holding every pixel brighter than {@link #CONTENT_THRESHOLD}; the
     * whole image when no pixel is.
     */
    static Image cropToContent(Image gray) {
        int top = gray.height();
        int bottom = -1;
        int left = gray.width();
        int right = -1;
        for (int row = 0; row < gray.height(); row++) {
            for (int column = 0; column < gray.width(); column++) {
                if (gray.get(0, row, column) > CONTENT_THRESHOLD) {
                    top = Math.min(top, row);
                    bottom = Math.max(bottom, row);
                    left = Math.min(left, column);
                    right = Math.max(right, column);
                }
            }
        }
        if (bottom < 0) {
            return gray;
        }
        int height = bottom - top + 1;
        int width = right - left + 1;
        float[] values = new float[height * width];
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                values[row * width + column] = gray.get(0, top + row, left + column);
            }
        }
        return Image.of(1, height, width, values);
    }

    /** The image centred in a black square whose side is its longer side. */
    static Image padToSquare(Image gray) {
        int side = Math.max(gray.height(), gray.width());
        if (gray.height() == gray.width()) {
            return gray;
        }
        int top = (side - gray.height()) / 2;
        int left = (side - gray.width()) / 2;
        float[] values = new float[side * side];
        for (int row = 0; row < gray.height(); row++) {
            for (int column = 0; column < gray.width(); column++) {
                values[(top + row) * side + left + column] = gray.get(0, row, column);
            }
        }
        return Image.of(1, side, side, values);
    }

    /**
     * Resamples one channel to {@code height x width} by area averaging: output pixel (r, c) is
     * the mean of the source rectangle it covers, source pixels cut by its edges counted by the
     * fraction inside. Enlarging gives blocks, softened where a block edge falls inside a pixel.
     */
    static Image resizeByArea(Image gray, int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("cannot resize to " + height + "x" + width);
        }
        int sourceWidth = gray.width();
        float[] source = gray.toArray();
        Span[] columnSpans = Span.covering(sourceWidth, width);
        Span[] rowSpans = Span.covering(gray.height(), height);
        // Columns first (each source row to the new width), then rows.
        float[] narrowed = new float[gray.height() * width];
        for (int row = 0; row < gray.height(); row++) {
            for (int column = 0; column < width; column++) {
                Span span = columnSpans[column];
                float sum = 0;
                for (int k = 0; k < span.weights.length; k++) {
                    sum += span.weights[k] * source[row * sourceWidth + span.first + k];
                }
                narrowed[row * width + column] = sum;
            }
        }
        float[] resized = new float[height * width];
        for (int row = 0; row < height; row++) {
            Span span = rowSpans[row];
            for (int k = 0; k < span.weights.length; k++) {
                int sourceRow = span.first + k;
                for (int column = 0; column < width; column++) {
                    resized[row * width + column] += span.weights[k] * narrowed[sourceRow * width + column];
                }
            }
        }
        return Image.of(1, height, width, resized);
    }

    /**
     * The source pixels one output pixel covers along an axis, from {@code first}, each with its
     * share: the overlap of source pixel {@code [j, j + 1)} with the output pixel's span {@code
     * [i s, (i + 1) s)}, divided by {@code s = from / to}. The shares sum to 1.
     */
    private record Span(int first, float[] weights) {
        static Span[] covering(int from, int to) {
            double scale = (double) from / to;
            Span[] spans = new Span[to];
            for (int i = 0; i < to; i++) {
                double start = i * scale;
                double end = Math.min(from, (i + 1) * scale);
                int first = (int) Math.floor(start);
                int last = Math.min(from - 1, (int) Math.ceil(end) - 1);
                float[] weights = new float[last - first + 1];
                for (int j = first; j <= last; j++) {
                    double overlap = Math.min(end, j + 1) - Math.max(start, j);
                    weights[j - first] = (float) (Math.max(0, overlap) / scale);
                }
                spans[i] = new Span(first, weights);
            }
            return spans;
        }
    }
}
