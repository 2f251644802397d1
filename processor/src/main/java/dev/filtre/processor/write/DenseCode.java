package dev.filtre.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import dev.filtre.processor.model.CheckedLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A fully connected layer {@code y = W x + b}, {@code W} stored {@code [out][in]}; a volume input
 * is read flat (channel, row, column), which is the flatten. A batch's samples are the rows of
 * {@code X [batch][in]} and {@code Y [batch][out]}, so each step is one matrix multiply of {@code
 * dev.filtre.kernels.Sgemm} over the whole batch: forward {@code Y = b + X Wᵀ}, backward {@code dW
 * += dYᵀ X} (the sum over the batch of the per-sample rank-one updates), {@code db +=} the column
 * sums of {@code dY}, and {@code dX = dY W}.
 */
final class DenseCode extends LayerCode {
    private static final ClassName SGEMM = ClassName.get("dev.filtre.kernels", "Sgemm");

    private final FieldSpec transposedWeights;

    DenseCode(CheckedLayer layer, Stage in, Stage out, ModelFields model, String prefix,
            int firstParameter, Members members) {
        super(layer, in, out, model, prefix, firstParameter, members);
        transposedWeights = FieldSpec.builder(Stage.FLOATS, members.field(layer.name() + "Scratch"),
                        Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("Room for $L's weights transposed, which the forward multiply may use.\n", layer.name())
                .initializer("new float[$N * $N]", out.size(), in.size())
                .build();
    }

    @Override
    List<FieldSpec> fixedBuffers() {
        return List.of(transposedWeights);
    }

    @Override
    long sharedWork() {
        return (long) layer.input().size() * layer.output().size();
    }

    @Override
    FieldSpec shares() {
        return out.size();
    }

    @Override
    CodeBlock shareStart(String share) {
        return CodeBlock.of("$N", share);
    }

    @Override
    String shareName() {
        return "units";
    }

    @Override
    void addSharedForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String part,
            String first, String end) {
        FieldSpec parameters = model.parameters();
        code.addStatement("$T.arraycopy($N, $N + $N, $N, $N, $N - $N)", SYSTEM, parameters, biasOffset(), first, target,
                first, end, first);
        code.add("// the weights of the share's units, and a region of the scratch no other share uses\n");
        code.addStatement("$T.multiplyAddTransposedB(1, $N, $N - $N, $N, 0, $N, $N + $N * $N, $N, $N, $N, $N * $N)",
                SGEMM, in.size(), end, first, in.values(), parameters, weightOffset(), first, in.size(), target, first,
                transposedWeights, first, in.size());
    }

    @Override
    CodeBlock weightShapeArray() {
        return CodeBlock.of("new int[] {$N, $N}", out.size(), in.size());
    }

    @Override
    CodeBlock biasShapeArray() {
        return CodeBlock.of("new int[] {$N}", out.size());
    }

    @Override
    FieldSpec biasCount() {
        return out.size();
    }

    @Override
    CodeBlock fanIn() {
        return CodeBlock.of("$N", in.size());
    }

    @Override
    CodeBlock fanOut() {
        return CodeBlock.of("$N", out.size());
    }

    @Override
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String batch) {
        FieldSpec parameters = model.parameters();
        String n = names.newName("n");
        beginLoop(code, n, batch);
        code.addStatement("$T.arraycopy($N, $N, $N, $N * $N, $N)", SYSTEM, parameters, biasOffset(), target, n,
                out.size(), out.size());
        code.endControlFlow();
        code.addStatement("$T.multiplyAddTransposedB($N, $N, $N, $N, 0, $N, $N, $N, 0, $N, 0)", SGEMM, batch,
                in.size(), out.size(), in.values(), parameters, weightOffset(), target, transposedWeights);
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names, String batch) {
        FieldSpec gradients = model.gradients();
        String n = names.newName("n");
        String row = names.newName("row");
        String o = names.newName("o");
        beginLoop(code, n, batch);
        code.addStatement("int $N = $N * $N", row, n, out.size());
        beginLoop(code, o, out.size());
        code.addStatement("$N[$N + $N] += $N[$N + $N]", gradients, biasOffset(), o, out.gradient(), row, o);
        code.endControlFlow();
        code.endControlFlow();
        code.addStatement("$T.multiplyAddTransposedA($N, $N, $N, $N, 0, $N, 0, $N, $N)", SGEMM, out.size(), batch,
                in.size(), out.gradient(), in.values(), gradients, weightOffset());
        beginInputGradient(code);
        code.addStatement("$T.fill($N, 0, $L, 0f)", ARRAYS, in.gradient(), in.sizeOf(batch));
        code.addStatement("$T.multiplyAdd($N, $N, $N, $N, 0, $N, $N, $N, 0)", SGEMM, batch, out.size(), in.size(),
                out.gradient(), model.parameters(), weightOffset(), in.gradient());
        endInputGradient(code);
    }
}
