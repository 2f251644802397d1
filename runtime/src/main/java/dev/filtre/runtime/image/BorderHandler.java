package dev.filtre.runtime.image;

/** Applies a {@link PlaneCorrelator} to one plane, handling the border as a mode says. */
final class BorderHandler {
    private BorderHandler() {}

    /** The output height of {@code mode} for an input of {@code height} rows. */
    static int outputHeight(BorderMode mode, PlaneCorrelator correlator, int height) {
        return mode == BorderMode.CROP ? height - correlator.kernelRows + 1 : height;
    }

    /** The output width of {@code mode} for an input of {@code width} columns. */
    static int outputWidth(BorderMode mode, PlaneCorrelator correlator, int width) {
        return mode == BorderMode.CROP ? width - correlator.kernelColumns + 1 : width;
    }

    /**
     * Checks that {@code mode} can filter an image of this size with this kernel.
     *
     * @throws IllegalArgumentException if the mode needs the kernel to fit and it does not
     */
    static void check(BorderMode mode, PlaneCorrelator correlator, int height, int width) {
        if ((mode == BorderMode.CROP || mode == BorderMode.COPY_ADJACENT)
                && !correlator.fits(height, width)) {
            throw new IllegalArgumentException(
                    "the " + correlator.kernelRows + "x" + correlator.kernelColumns
                            + " kernel does not fit in the " + height + "x" + width + " image, so " + mode
                            + " has no pixel to compute; use another border mode");
        }
    }

    /** The correlation of the {@code height x width} plane {@code in}, border per {@code mode}. */
    static float[] apply(
            BorderMode mode, PlaneCorrelator correlator, float[] in, int height, int width) {
        check(mode, correlator, height, width);
        return switch (mode) {
            case ZERO, EXTEND, WRAP, MIRROR -> padded(mode, correlator, in, height, width);
            case CROP -> correlator.valid(in, height, width);
            case KEEP -> kept(correlator, in, height, width);
            case COPY_ADJACENT -> copiedAdjacent(correlator, in, height, width);
            case PARTIAL -> partial(correlator, in, height, width);
        };
    }

    private static float[] padded(
            BorderMode mode, PlaneCorrelator correlator, float[] in, int height, int width) {
        int top = correlator.anchorRow;
        int left = correlator.anchorColumn;
        int paddedHeight = height + correlator.kernelRows - 1;
        int paddedWidth = width + correlator.kernelColumns - 1;
        int[] sourceColumns = new int[paddedWidth];
        for (int x = 0; x < paddedWidth; x++) {
            sourceColumns[x] = mode.source(x - left, width);
        }
        float[] padded = new float[paddedHeight * paddedWidth];
        for (int y = 0; y < paddedHeight; y++) {
            int sourceRow = mode.source(y - top, height);
            if (sourceRow < 0) {
                continue; // a row of zeros
            }
            int inBase = sourceRow * width;
            int outBase = y * paddedWidth;
            System.arraycopy(in, inBase, padded, outBase + left, width);
            for (int x = 0; x < left; x++) {
                padded[outBase + x] = sourceColumns[x] < 0 ? 0 : in[inBase + sourceColumns[x]];
            }
            for (int x = left + width; x < paddedWidth; x++) {
                padded[outBase + x] = sourceColumns[x] < 0 ? 0 : in[inBase + sourceColumns[x]];
            }
        }
        return correlator.valid(padded, paddedHeight, paddedWidth);
    }

    private static float[] kept(PlaneCorrelator correlator, float[] in, int height, int width) {
        float[] out = in.clone();
        if (correlator.fits(height, width)) {
            paste(correlator.valid(in, height, width), correlator, out, height, width);
        }
        return out;
    }

    private static float[] copiedAdjacent(
            PlaneCorrelator correlator, float[] in, int height, int width) {
        float[] valid = correlator.valid(in, height, width);
        int validHeight = height - correlator.kernelRows + 1;
        int validWidth = width - correlator.kernelColumns + 1;
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            int sourceRow = clamp(y - correlator.anchorRow, validHeight);
            for (int x = 0; x < width; x++) {
                int sourceColumn = clamp(x - correlator.anchorColumn, validWidth);
                out[y * width + x] = valid[sourceRow * validWidth + sourceColumn];
            }
        }
        return out;
    }

    private static float[] partial(PlaneCorrelator correlator, float[] in, int height, int width) {
        float[] out = new float[height * width];
        int firstRow = correlator.anchorRow;
        int firstColumn = correlator.anchorColumn;
        int endRow = firstRow;
        int endColumn = firstColumn;
        if (correlator.fits(height, width)) {
            paste(correlator.valid(in, height, width), correlator, out, height, width);
            endRow = height - (correlator.kernelRows - 1 - correlator.anchorRow);
            endColumn = width - (correlator.kernelColumns - 1 - correlator.anchorColumn);
        }
        for (int y = 0; y < height; y++) {
            if (y >= firstRow && y < endRow) {
                // The valid correlation filled the middle of this row: only its two ends remain.
                partialRun(correlator, in, height, width, out, y, 0, firstColumn);
                partialRun(correlator, in, height, width, out, y, endColumn, width);
            } else {
                partialRun(correlator, in, height, width, out, y, 0, width);
            }
        }
        return out;
    }

    /** Fills columns {@code from} (inclusive) to {@code to} (exclusive) of row {@code y} by {@link #partialAt}. */
    private static void partialRun(
            PlaneCorrelator correlator, float[] in, int height, int width, float[] out, int y, int from, int to) {
        for (int x = from; x < to; x++) {
            out[y * width + x] = partialAt(correlator, in, height, width, y, x);
        }
    }

    /** The renormalized partial kernel at one border pixel; see {@link BorderMode#PARTIAL}. */
    private static float partialAt(
            PlaneCorrelator correlator, float[] in, int height, int width, int y, int x) {
        double weighted = 0;
        double insideSum = 0;
        double insideAbsolute = 0;
        double pixels = 0;
        int count = 0;
        for (int i = 0; i < correlator.kernelRows; i++) {
            int row = y + i - correlator.anchorRow;
            if (row < 0 || row >= height) {
                continue;
            }
            for (int j = 0; j < correlator.kernelColumns; j++) {
                int column = x + j - correlator.anchorColumn;
                if (column < 0 || column >= width) {
                    continue;
                }
                double k = correlator.values[i * correlator.kernelColumns + j];
                if (k != 0) {
                    double pixel = in[row * width + column];
                    weighted += k * pixel;
                    insideSum += k;
                    insideAbsolute += Math.abs(k);
                    pixels += pixel;
                    count++;
                }
            }
        }
        if (count == 0) {
            // No weight falls inside: the pixel alone stands for its neighbourhood.
            return (float) (correlator.sum * in[y * width + x]);
        }
        double negligible = 1e-9 * insideAbsolute;
        if (Math.abs(correlator.sum) > negligible && Math.abs(insideSum) > negligible) {
            return (float) (weighted * correlator.sum / insideSum);
        }
        return (float) (weighted + (correlator.sum - insideSum) / count * pixels);
    }

    private static void paste(
            float[] valid, PlaneCorrelator correlator, float[] out, int height, int width) {
        int validHeight = height - correlator.kernelRows + 1;
        int validWidth = width - correlator.kernelColumns + 1;
        for (int y = 0; y < validHeight; y++) {
            System.arraycopy(valid, y * validWidth, out,
                    (y + correlator.anchorRow) * width + correlator.anchorColumn, validWidth);
        }
    }

    private static int clamp(int index, int length) {
        return Math.max(0, Math.min(length - 1, index));
    }
}
