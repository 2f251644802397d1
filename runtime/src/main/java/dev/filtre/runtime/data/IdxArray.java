package dev.filtre.runtime.data;

import java.util.Arrays;

/**
 * The content of an IDX file of unsigned bytes: its dimensions, and its values row-major.
 *
 * @param dimensions e.g. {@code {60000, 28, 28}} for images, {@code {60000}} for labels
 * @param data the values as stored; read them with {@link #unsigned(int)}
 */
public record IdxArray(int[] dimensions, byte[] data) {
    public IdxArray {
        dimensions = dimensions.clone();
    }

    @Override
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** The size of the first dimension: the number of items (images, labels). */
    public int count() {
        return dimensions[0];
    }

    /** The number of values of one item: the product of the dimensions after the first. */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dimensions.length; i++) {
            size *= dimensions[i];
        }
        return size;
    }

    /** The value at a flat index, from 0 to 255. */
    public int unsigned(int index) {
        return data[index] & 0xFF;
    }

    @Override
    public String toString() {
        return "IdxArray" + Arrays.toString(dimensions);
    }
}
