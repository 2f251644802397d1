package dev.filtre.kernels;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * One sample of a convolution's operands for the convolution kernels' tests: its input, weights and
 * bias, each at an offset in an array longer than it, and the output of the direct and the unfolded
 * convolutions over them, the references the other kernels are compared with.
 */
class ConvolutionCase {
    final ConvGeometry g;
    final int filters;
    final float[] input;
    final int inputOffset = 3;
    final float[] weights;
    final int weightOffset = 5;
    final float[] bias;
    final int biasOffset = 2;

    /** Operands of {@code filters} filters over {@code g}, each value drawn from {@code value}. */
    ConvolutionCase(ConvGeometry g, int filters, DoubleSupplier value) {
        this.g = g;
        this.filters = filters;
        input = values(value, inputOffset + g.inputSize() + 4);
        weights = values(value, weightOffset + filters * g.patch() + 1);
        bias = values(value, biasOffset + filters + 3);
    }

    /** The planes of filters {@code [first, end)} by {@code direct}, the others left at -7. */
    float[] direct(DirectConvolution direct, int first, int end) {
        float[] output = new float[2 + filters * g.pixels()];
        Arrays.fill(output, -7f);
        direct.forward(input, inputOffset, weights, weightOffset, bias, biasOffset, first, end, output, 2);
        return Arrays.copyOfRange(output, 2, output.length);
    }

    /** Every filter's plane, as the generated model's unfolded pass computes it. */
    float[] unfolded() {
        float[] columns = new float[g.columnsSize()];
        Im2col.unfold(g, input, inputOffset, columns, 0);
        float[] output = new float[filters * g.pixels()];
        for (int o = 0; o < filters; o++) {
            Arrays.fill(output, o * g.pixels(), (o + 1) * g.pixels(), bias[biasOffset + o]);
        }
        Sgemm.multiplyAdd(filters, g.patch(), g.pixels(), weights, weightOffset, columns, 0, output, 0);
        return output;
    }

    /** {@code count} values drawn from {@code value}, rounded to float. */
    static float[] values(DoubleSupplier value, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) value.getAsDouble();
        }
        return values;
    }
}
