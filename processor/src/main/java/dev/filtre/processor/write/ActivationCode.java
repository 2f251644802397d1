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
 * y (g - sum(g y))}. Softmax runs over all values of its (vector) input, stably: the maximum is
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
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target) {
        addForward(code, names, activation, in.values(), target, out.size());
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names) {
        addBackward(code, names, activation, out.gradient(), out.values(), in.gradient(), out.size());
    }

    /** Writes {@code to = activation(from)} over {@code size} values; {@code from} may be {@code to}. */
    static void addForward(CodeBlock.Builder code, NameAllocator names, Activation activation,
            FieldSpec from, FieldSpec to, FieldSpec size) {
        String k = names.newName("k");
        switch (activation) {
            case RELU:
                beginLoop(code, k, size);
                code.addStatement("$2N[$1N] = $4T.max($3N[$1N], 0f)", k, to, from, MATH);
                code.endControlFlow();
                break;
            case SIGMOID:
                beginLoop(code, k, size);
                code.addStatement("$2N[$1N] = (float) (1.0 / (1.0 + $4T.exp(-$3N[$1N])))", k, to, from, MATH);
                code.endControlFlow();
                break;
            case TANH:
                beginLoop(code, k, size);
                code.addStatement("$2N[$1N] = (float) $4T.tanh($3N[$1N])", k, to, from, MATH);
                code.endControlFlow();
                break;
            case SOFTMAX:
                String max = names.newName("max");
                String sum = names.newName("sum");
                code.add("// stable softmax: exp(x - max) cannot overflow\n");
                code.addStatement("float $N = $N[0]", max, from);
                beginLoop(code, k, 1, size);
                code.addStatement("$1N = $2T.max($1N, $3N[$4N])", max, MATH, from, k);
                code.endControlFlow();
                code.addStatement("float $N = 0f", sum);
                beginLoop(code, k, size);
                code.addStatement("$2N[$1N] = (float) $4T.exp($3N[$1N] - $5N)", k, to, from, MATH, max);
                code.addStatement("$N += $N[$N]", sum, to, k);
                code.endControlFlow();
                beginLoop(code, k, size);
                code.addStatement("$N[$N] /= $N", to, k, sum);
                code.endControlFlow();
                break;
            default:
                throw new AssertionError(activation);
        }
    }

    /**
     * Writes {@code target = gradient * activation'(outputs)} over {@code size} values; {@code
     * gradient} may be {@code target}.
     */
    static void addBackward(CodeBlock.Builder code, NameAllocator names, Activation activation,
            FieldSpec gradient, FieldSpec outputs, FieldSpec target, FieldSpec size) {
        String k = names.newName("k");
        switch (activation) {
            case RELU:
                beginLoop(code, k, size);
                code.addStatement("$2N[$1N] = $3N[$1N] > 0f ? $4N[$1N] : 0f", k, target, outputs, gradient);
                code.endControlFlow();
                break;
            case SIGMOID:
                beginLoop(code, k, size);
                code.addStatement("$2N[$1N] = $4N[$1N] * $3N[$1N] * (1f - $3N[$1N])", k, target, outputs,
                        gradient);
                code.endControlFlow();
                break;
            case TANH:
                beginLoop(code, k, size);
                code.addStatement("$2N[$1N] = $4N[$1N] * (1f - $3N[$1N] * $3N[$1N])", k, target, outputs,
                        gradient);
                code.endControlFlow();
                break;
            case SOFTMAX:
                String dot = names.newName("dot");
                code.add("// the softmax Jacobian times g: y * (g - sum(g * y))\n");
                code.addStatement("float $N = 0f", dot);
                beginLoop(code, k, size);
                code.addStatement("$N += $N[$N] * $N[$N]", dot, gradient, k, outputs, k);
                code.endControlFlow();
                beginLoop(code, k, size);
                code.addStatement("$2N[$1N] = $3N[$1N] * ($4N[$1N] - $5N)", k, target, outputs, gradient, dot);
                code.endControlFlow();
                break;
            default:
                throw new AssertionError(activation);
        }
    }
}
