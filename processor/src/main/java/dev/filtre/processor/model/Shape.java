package dev.filtre.processor.model;

import java.util.Arrays;

/** The shape of one sample between two layers: a volume {@code c x h x w} or a vector {@code n}. */
public final class Shape {
    private final int[] dims;

    private Shape(int... dims) {
        this.dims = dims.clone();
    }

    public static Shape volume(int channels, int height, int width) {
        return new Shape(channels, height, width);
    }

    public static Shape vector(int size) {
        return new Shape(size);
    }

    public boolean isVolume() {
        return dims.length == 3;
    }

    public boolean isVector() {
        return dims.length == 1;
    }

    /** Channels of a volume (the depth, "profondeur"). */
    public int channels() {
        requireVolume();
        return dims[0];
    }

    public int height() {
        requireVolume();
        return dims[1];
    }

    public int width() {
        requireVolume();
        return dims[2];
    }

    /** The number of values: {@code c * h * w} or {@code n}. */
    public int size() {
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        return size;
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** The vector this shape flattens to, channel first, then row, then column. */
    public Shape flattened() {
        return vector(size());
    }

    private void requireVolume() {
        if (!isVolume()) {
            throw new IllegalStateException("not a volume: " + this);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape && Arrays.equals(dims, ((Shape) other).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code 32x28x28} or {@code 128}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                text.append('x');
            }
            text.append(dims[i]);
        }
        return text.toString();
    }
}
