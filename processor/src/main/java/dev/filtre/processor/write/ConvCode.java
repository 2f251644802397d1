package dev.filtre.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.Operation;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A convolution as deep-learning frameworks define it: cross-correlation (the kernel is not
 * flipped) with zero padding, {@code y[o,i,j] = b[o] + sum w[o,c,u,v] * x[c, i*S+u-P, j*S+v-P]},
 * written as matrix multiplies on the kernels of {@code dev.filtre.kernels}.
 *
 * <p>The forward pass unfolds the input ({@code Im2col.unfold}) into {@code conv1Columns}, a
 * {@code [C·K·K][H'·W']} matrix whose column {@code (i, j)} is the window output {@code (i, j)}
 * sees, zeros in the padding; the output, filled with the bias, gains {@code W[F][C·K·K] ×
 * columns} ({@code Sgemm.multiplyAdd}). The matrix stays for the backward pass: the bias gradient
 * gains the row sums of {@code dY} ({@code Gemv.addRowSums}), the weight gradient {@code dY ×
 * columnsᵀ}, the unfolded input gradient {@code conv1ColumnsGradient} is {@code
 * Wᵀ × dY}, folded back onto the input ({@code Im2col.foldAdd}). Strides, padding and floored
 * output sizes are all the unfolding's business.
 */
final class ConvCode extends LayerCode {
    private static final ClassName CONV_GEOMETRY = ClassName.get("dev.filtre.kernels", "ConvGeometry");
    private static final ClassName IM2COL = ClassName.get("dev.filtre.kernels", "Im2col");
    private static final ClassName SGEMM = ClassName.get("dev.filtre.kernels", "Sgemm");
    private static final ClassName GEMV = ClassName.get("dev.filtre.kernels", "Gemv");

    private final FieldSpec kernel;
    private final FieldSpec stride;
    private final FieldSpec pad;
    private final FieldSpec patch;
    private final FieldSpec pixels;
    private final FieldSpec geometry;
    private final FieldSpec columns;
    private final FieldSpec columnsGradient;

    ConvCode(CheckedLayer layer, Operation.Conv conv, Stage in, Stage out, ModelFields model, String prefix,
            int firstParameter, Members members) {
        super(layer, in, out, model, prefix, firstParameter, members);
        String name = layer.name();
        kernel = constant(members, "_KERNEL", CodeBlock.of("$L", conv.size()),
                "Side of " + name + "'s square filters.");
        stride = constant(members, "_STRIDE", CodeBlock.of("$L", conv.stride()), "Step of " + name + "'s filters.");
        pad = constant(members, "_PAD", CodeBlock.of("$L", conv.pad()),
                "Zeros added on each side of " + name + "'s input.");
        patch = constant(members, "_PATCH", CodeBlock.of("$N * $N * $N", in.channels(), kernel, kernel),
                "Values one of " + name + "'s windows covers: the rows of its unfolded input.");
        pixels = constant(members, "_PIXELS", CodeBlock.of("$N * $N", out.height(), out.width()),
                "Positions of " + name + "'s output: the columns of its unfolded input.");
        geometry = constant(members, CONV_GEOMETRY, "_GEOMETRY",
                CodeBlock.of("new $T($N, $N, $N, $N, $N, $N)", CONV_GEOMETRY, in.channels(), in.height(), in.width(),
                        kernel, stride, pad),
                name + "'s input and window, for the kernels.");
        CodeBlock unfoldedSize = CodeBlock.of("$N * $N", patch, pixels);
        columns = buffer(members, name + "Columns", unfoldedSize);
        columnsGradient = buffer(members, name + "ColumnsGradient", unfoldedSize);
    }

    private static FieldSpec buffer(Members members, String name, CodeBlock size) {
        return FieldSpec.builder(Stage.FLOATS, members.field(name), Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new float[$L]", size)
                .build();
    }

    @Override
    List<FieldSpec> hyperparameters() {
        return List.of(kernel, stride, pad, patch, pixels, geometry);
    }

    @Override
    List<FieldSpec> extraBuffers() {
        return List.of(columns, columnsGradient);
    }

    @Override
    CodeBlock weightShapeArray() {
        return CodeBlock.of("new int[] {$N, $N, $N, $N}", out.channels(), in.channels(), kernel, kernel);
    }

    @Override
    CodeBlock biasShapeArray() {
        return CodeBlock.of("new int[] {$N}", out.channels());
    }

    @Override
    FieldSpec biasCount() {
        return out.channels();
    }

    @Override
    CodeBlock fanIn() {
        return CodeBlock.of("$N * $N * $N", in.channels(), kernel, kernel);
    }

    @Override
    CodeBlock fanOut() {
        return CodeBlock.of("$N * $N * $N", out.channels(), kernel, kernel);
    }

    @Override
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target) {
        String o = names.newName("o");
        code.addStatement("$T.unfold($N, $N, 0, $N, 0)", IM2COL, geometry, in.values(), columns);
        beginLoop(code, o, out.channels());
        code.addStatement("$1T.fill($2N, $3N * $4N, ($3N + 1) * $4N, $5N[$6N + $3N])", ARRAYS, target, o, pixels,
                model.parameters(), biasOffset());
        code.endControlFlow();
        code.addStatement("$T.multiplyAdd($N, $N, $N, $N, $N, $N, 0, $N, 0)", SGEMM, out.channels(), patch, pixels,
                model.parameters(), weightOffset(), columns, target);
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names) {
        FieldSpec gradient = out.gradient();
        code.addStatement("$T.addRowSums($N, $N, $N, 0, $N, $N)", GEMV, out.channels(), pixels, gradient,
                model.gradients(), biasOffset());
        code.add("// dW += dY × columnsᵀ, with the unfolded gradient as scratch before it is computed\n");
        code.addStatement("$T.multiplyAddTransposedB($N, $N, $N, $N, 0, $N, 0, $N, $N, $N, 0)", SGEMM, out.channels(),
                pixels, patch, gradient, columns, model.gradients(), weightOffset(), columnsGradient);
        code.add("// dColumns = Wᵀ × dY, folded back onto the input\n");
        code.addStatement("$T.fill($N, 0f)", ARRAYS, columnsGradient);
        code.addStatement("$T.multiplyAddTransposedA($N, $N, $N, $N, $N, $N, 0, $N, 0)", SGEMM, patch, out.channels(),
                pixels, model.parameters(), weightOffset(), gradient, columnsGradient);
        code.addStatement("$T.fill($N, 0f)", ARRAYS, in.gradient());
        code.addStatement("$T.foldAdd($N, $N, 0, $N, 0)", IM2COL, geometry, columnsGradient, in.gradient());
    }
}
