package dev.filtre.kernels;

/**
 * Argument checks shared by the kernels' entry points, with messages that name the argument. They
 * allocate nothing unless they fail: the kernels run in passes that must not allocate.
 */
final class Regions {
    private Regions() {}

    /** Fails unless {@code m} and {@code n} are at least 0. */
    static void dimensions(String operation, int m, int n) {
        if (m < 0 || n < 0) {
            throw new IllegalArgumentException(operation + ": negative dimension in (m, n) = (" + m + ", " + n + ")");
        }
    }

    /** Fails unless {@code m}, {@code k} and {@code n} are at least 0. */
    static void dimensions(String operation, int m, int k, int n) {
        if (m < 0 || k < 0 || n < 0) {
            throw new IllegalArgumentException(
                    operation + ": negative dimension in (m, k, n) = (" + m + ", " + k + ", " + n + ")");
        }
    }

    /**
     * Fails unless {@code array} holds {@code length} values from {@code offset}; {@code what}
     * names the argument and its shape, e.g. {@code "a [4×9]"}.
     */
    static void region(String operation, String what, float[] array, int offset, long length) {
        if (array == null || offset < 0 || offset + length > array.length) {
            throw outside(operation, what, array, offset, length);
        }
    }

    /**
     * Fails unless the arguments of a convolution of one sample over {@code g}, filters {@code
     * [first, end)} of {@code filters}, fit their arrays: the input, the weights as the model stores
     * them ({@code [filters][C·K·K]}), the bias and the output planes.
     */
    static void convolution(String operation, ConvGeometry g, int filters, float[] input, int inputOffset,
            float[] weights, int weightOffset, float[] bias, int biasOffset, int first, int end, float[] output,
            int outputOffset) {
        convolutionInputs(operation, g, filters, input, inputOffset, weights, weightOffset, bias, biasOffset, first,
                end);
        region(operation, "output [filters·H'·W']", output, outputOffset, (long) filters * g.pixels());
    }

    /** {@link #convolution}'s checks but the output's. */
    static void convolutionInputs(String operation, ConvGeometry g, int filters, float[] input, int inputOffset,
            float[] weights, int weightOffset, float[] bias, int biasOffset, int first, int end) {
        region(operation, "input [C·H·W]", input, inputOffset, g.inputSize());
        region(operation, "weights [filters·C·K·K]", weights, weightOffset, (long) filters * g.patch());
        region(operation, "bias [filters]", bias, biasOffset, filters);
        if (first < 0 || first > end || end > filters) {
            throw new IllegalArgumentException(operation + ": filters [" + first + ", " + end + ") is not a range of "
                    + "the " + filters + " filters");
        }
    }

    /** Fails unless {@code indices} holds {@code length} values from {@code offset}. */
    static void indices(String operation, String what, int[] indices, int offset, long length) {
        if (indices == null) {
            throw new NullPointerException(operation + ": " + what + " is null");
        }
        if (offset < 0 || offset + length > indices.length) {
            throw new IllegalArgumentException(operation + ": " + what + " needs " + length + " values from offset "
                    + offset + " but its array has " + indices.length);
        }
    }

    /** The error for an argument {@link #region} rejects. */
    static RuntimeException outside(String operation, String what, float[] array, int offset, long length) {
        if (array == null) {
            return new NullPointerException(operation + ": " + what + " is null");
        }
        return new IllegalArgumentException(operation + ": " + what + " needs " + length + " values from offset "
                + offset + " but its array has " + array.length);
    }
}
