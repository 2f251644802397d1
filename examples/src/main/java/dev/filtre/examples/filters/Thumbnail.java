package dev.filtre.examples.filters;

import dev.filtre.runtime.image.Image;

/** Shrinks an image to fit a square, averaging the pixels each output pixel covers. */
final class Thumbnail {
    private Thumbnail() {}

    /**
     * {@code image} scaled down (never up) so that its longer side is at most {@code maxSide},
     * keeping its proportions; each output pixel is the mean of the input block it covers.
     */
    static Image fit(Image image, int maxSide) {
        if (maxSide <= 0) {
            throw new IllegalArgumentException("a thumbnail needs a positive size, got " + maxSide);
        }
        int height = image.height();
        int width = image.width();
        if (Math.max(height, width) <= maxSide) {
            return image;
        }
        double scale = (double) Math.max(height, width) / maxSide;
        int newHeight = Math.max(1, (int) Math.round(height / scale));
        int newWidth = Math.max(1, (int) Math.round(width / scale));
        float[] values = image.toArray();
        float[] out = new float[image.channels() * newHeight * newWidth];
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * height * width;
            for (int y = 0; y < newHeight; y++) {
                int top = (int) ((long) y * height / newHeight);
                int bottom = Math.max(top + 1, (int) ((long) (y + 1) * height / newHeight));
                for (int x = 0; x < newWidth; x++) {
                    int left = (int) ((long) x * width / newWidth);
                    int right = Math.max(left + 1, (int) ((long) (x + 1) * width / newWidth));
                    double sum = 0;
                    for (int sy = top; sy < bottom; sy++) {
                        for (int sx = left; sx < right; sx++) {
                            sum += values[plane + sy * width + sx];
                        }
                    }
                    out[(c * newHeight + y) * newWidth + x] = (float) (sum / ((bottom - top) * (right - left)));
                }
            }
        }
        return Image.of(image.channels(), newHeight, newWidth, out);
    }
}
