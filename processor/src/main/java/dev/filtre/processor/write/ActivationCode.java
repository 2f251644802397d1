package dev.filtre.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedLayer;

/**
 * ReLU, sigmoid, tanh and softmax, forward and backward. Used two ways: fused after a convolution,
 * dense or pooling layer (through the static {@code addForward}/{@code addBackward}, in place on
 * that layer's buffers), and as a layer of its own when the annotation stands alone on a method.
 *
 * <p>Derivatives come from the stored outputs {@code y}: ReLU {@code y > 0} (so 0 at 0), sigmoid
 * {@code y (1 - y)}, tanh {@code 1 - y^2}; softmax is the full Jacobian-vector product {@code
 * y (g - sum(g y))}. Softmax runs over each sample's values of its (vector) input, stably: the maximum is
 * subtracted before {@code exp}.
 */
final class ActivationCode extends LayerCode {
    private final Activation activation;

    ActivationCode(CheckedLayer layer, Activation activation, Stage in, Stage out, ModelFields model,
            String prefix, int firstParameter, Members members) {
        super(layer, in, out, model, prefix, firstParameter, members);
        this.activation = activation;
    }

    @Override
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String batch) {
        addForward(code, names, activation, in.values(), target, out.size(), batch);
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names, String batch) {
        addBackward(code, names, activation, out.gradient(), out.values(), in.gradient(), out.size(), batch);
    }

    /**
     * Writes {@code to = activation(from)} over {@code batch} samples of {@code size} values each;
     * {@code from} may be {@code to}. Softmax runs over each sample's values.
     */
    static void addForward(CodeBlock.Builder code, NameAllocator names, Activation activation,
            FieldSpec from, FieldSpec to, FieldSpec size, String batch) {
        if (isElementwise(activation)) {
            addElementwiseForward(code, names, activation, from, to, CodeBlock.of("0"),
                    CodeBlock.of("$N * $N", batch, size));
            return;
        }
        String k = names.newName("k");
        switch (activation) {
            case SOFTMAX:
                String n = names.newName("n");
                String start = names.newName("start");
                String end = names.newName("end");
                String max = names.newName("max");
                String sum = names.newName("sum");
                beginLoop(code, n, batch);
                code.addStatement("int $N = $N * $N", start, n, size);
                code.addStatement("int $N = $N + $N", end, start, size);
                code.add("// stable softmax: exp(x - max) cannot overflow\n");
                code.addStatement("float $N = $N[$N]", max, from, start);
                beginLoop(code, k, CodeBlock.of("$N + 1", start), end);
                code.addStatement("$1N = $2T.max($1N, $3N[$4N])", max, MATH, from, k);
                code.endControlFlow();
                code.addStatement("float $N = 0f", sum);
                beginLoop(code, k, start, end);
                code.addStatement("$2N[$1N] = (float) $4T.exp($3N[$1N] - $5N)", k, to, from, MATH, max);
                code.addStatement("$N += $N[$N]", sum, to, k);
                code.endControlFlow();
                beginLoop(code, k, start, end);
                code.addStatement("$N[$N] /= $N", to, k, sum);
                code.endControlFlow();
                code.endControlFlow();
                break;
            default:
                throw new AssertionError(activation);
        }
    }

    /** True for the activations that map each value on its own: all but softmax. */
    static boolean isElementwise(Activation activation) {
        return activation != Activation.SOFTMAX;
    }

    /**
     * Writes {@code to = activation(from)} for the values {@code start .. end - 1} of an {@link
     * #isElementwise elementwise} activation; {@code from} may be {@code to}.
     */
    static void addElementwiseForward(CodeBlock.Builder code, NameAllocator names, Activation activation,
            FieldSpec from, FieldSpec to, CodeBlock start, CodeBlock end) {
        String k = names.newName("k");
        beginLoop(code, k, start, end);
        switch (activation) {
            case RELU:
                code.addStatement("$2N[$1N] = $4T.max($3N[$1N], 0f)", k, to, from, MATH);
                break;
            case SIGMOID:
                code.addStatement("$2N[$1N] = (float) (1.0 / (1.0 + $4T.exp(-$3N[$1N])))", k, to, from, MATH);
                break;
            case TANH:
                code.addStatement("$2N[$1N] = (float) $4T.tanh($3N[$1N])", k, to, from, MATH);
                break;
            default:
                throw new IllegalArgumentException(activation + " is not elementwise");
        }
        code.endControlFlow();
    }

    /**
     * Writes {@code target = gradient * activation'(outputs)} over {@code batch} samples of {@code
     * size} values each; {@code gradient} may be {@code target}.
     */
    static void addBackward(CodeBlock.Builder code, NameAllocator names, Activation activation,
            FieldSpec gradient, FieldSpec outputs, FieldSpec target, FieldSpec size, String batch) {
        String k = names.newName("k");
        CodeBlock all = CodeBlock.of("$N * $N", batch, size);
        switch (activation) {
            case RELU:
                beginLoop(code, k, all);
                code.addStatement("$2N[$1N] = $3N[$1N] > 0f ? $4N[$1N] : 0f", k, target, outputs, gradient);
                code.endControlFlow();
                break;
            case SIGMOID:
                beginLoop(code, k, all);
                code.addStatement("$2N[$1N] = $4N[$1N] * $3N[$1N] * (1f - $3N[$1N])", k, target, outputs,
                        gradient);
                code.endControlFlow();
                break;
            case TANH:
                beginLoop(code, k, all);
                code.addStatement("$2N[$1N] = $4N[$1N] * (1f - $3N[$1N] * $3N[$1N])", k, target, outputs,
                        gradient);
                code.endControlFlow();
                break;
            case SOFTMAX:
                String n = names.newName("n");
                String start = names.newName("start");
                String end = names.newName("end");
                String dot = names.newName("dot");
                beginLoop(code, n, batch);
                code.addStatement("int $N = $N * $N", start, n, size);
                code.addStatement("int $N = $N + $N", end, start, size);
                code.add("// the softmax Jacobian times g: y * (g - sum(g * y))\n");
                code.addStatement("float $N = 0f", dot);
                beginLoop(code, k, start, end);
                code.addStatement("$N += $N[$N] * $N[$N]", dot, gradient, k, outputs, k);
                code.endControlFlow();
                beginLoop(code, k, start, end);
                code.addStatement("$2N[$1N] = $3N[$1N] * ($4N[$1N] - $5N)", k, target, outputs, gradient, dot);
                code.endControlFlow();
                code.endControlFlow();
                break;
            default:
                throw new AssertionError(activation);
        }
    }
}
