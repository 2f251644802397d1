package dev.filtre.kernels;

/** Argument checks shared by the kernels' entry points, with messages that name the argument. */
final class Regions {
    private Regions() {}

    /** Fails unless every dimension is at least 0; {@code names} names them, e.g. {@code "m, k, n"}. */
    static void dimensions(String operation, String names, int... dimensions) {
        for (int d : dimensions) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        operation + ": negative dimension in (" + names + ") = " + describe(dimensions));
            }
        }
    }

    /**
     * Fails unless {@code array} holds {@code length} values from {@code offset}; {@code what}
     * names the argument and its shape, e.g. {@code "a [4×9]"}.
     */
    static void region(String operation, String what, float[] array, int offset, long length) {
        if (array == null) {
            throw new NullPointerException(operation + ": " + what + " is null");
        }
        if (offset < 0 || offset + length > array.length) {
            throw new IllegalArgumentException(operation + ": " + what + " needs " + length + " values from offset "
                    + offset + " but its array has " + array.length);
        }
    }

    private static String describe(int[] dimensions) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < dimensions.length; i++) {
            text.append(i == 0 ? "" : ", ").append(dimensions[i]);
        }
        return text.append(')').toString();
    }
}
