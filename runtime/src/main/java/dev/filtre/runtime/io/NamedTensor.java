package dev.filtre.runtime.io;

import java.util.Arrays;

/**
 * A float32 tensor to write to a weight file: its name ({@code conv1.weight}), its shape, and its
 * values, row-major, read from {@code data} starting at {@code offset} (so a slice of a model's
 * flat parameter array needs no copy).
 *
 * @param name the tensor's name in the file, PyTorch {@code state_dict} style
 * @param shape the tensor's shape; {@code {}} for a scalar
 * @param data where the values are
 * @param offset where the first value is in {@code data}
 */
public record NamedTensor(String name, int[] shape, float[] data, int offset) {
    /** Checks that the shape is valid and that {@code data} holds every value from {@code offset}. */
    public NamedTensor {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a tensor needs a name");
        }
        shape = shape.clone();
        long count = 1;
        for (int dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException(name + ": negative dimension in shape " + Arrays.toString(shape));
            }
            count *= dimension;
        }
        if (offset < 0 || offset + count > data.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + count
                    + " values from offset " + offset + ", the array has " + data.length);
        }
    }

    /** A tensor holding all of {@code data}, whose length must be the shape's element count. */
    public NamedTensor(String name, int[] shape, float[] data) {
        this(name, shape, data, 0);
        if (size() != data.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + size()
                    + " values, the array has " + data.length);
        }
    }

    /** The number of values: the product of the shape. */
    public int size() {
        int count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        return count;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
