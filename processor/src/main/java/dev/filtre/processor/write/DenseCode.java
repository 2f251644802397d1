package dev.filtre.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import dev.filtre.processor.model.CheckedLayer;

/**
 * A fully connected layer {@code y = W x + b}, {@code W} stored {@code [out][in]}; a volume input
 * is read flat (channel, row, column), which is the flatten. Forward is one dot product per output
 * over contiguous weights (the model's {@code dot}, with partial sums); backward runs over contiguous rows of {@code W} twice (weight gradient,
 * then input gradient), two loops the JIT can vectorize.
 */
final class DenseCode extends LayerCode {
    DenseCode(CheckedLayer layer, Stage in, Stage out, ModelFields model, String prefix,
            int firstParameter, Members members) {
        super(layer, in, out, model, prefix, firstParameter, members);
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
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target) {
        FieldSpec parameters = model.parameters();
        String o = names.newName("o");
        beginLoop(code, o, out.size());
        code.addStatement("$N[$N] = $N[$N + $N] + $N($N, $N + $N * $N, $N, 0, $N)", target, o, parameters, biasOffset(),
                o, model.dot(), parameters, weightOffset(), o, in.size(), in.values(), in.size());
        code.endControlFlow();
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names) {
        FieldSpec parameters = model.parameters();
        FieldSpec gradients = model.gradients();
        String o = names.newName("o");
        String g = names.newName("g");
        String row = names.newName("row");
        String k = names.newName("k");
        code.addStatement("$T.fill($N, 0f)", ARRAYS, in.gradient());
        beginLoop(code, o, out.size());
        code.addStatement("float $N = $N[$N]", g, out.gradient(), o);
        code.addStatement("$N[$N + $N] += $N", gradients, biasOffset(), o, g);
        code.addStatement("int $N = $N + $N * $N", row, weightOffset(), o, in.size());
        beginLoop(code, k, in.size());
        code.addStatement("$N[$N + $N] += $N * $N[$N]", gradients, row, k, g, in.values(), k);
        code.endControlFlow();
        beginLoop(code, k, in.size());
        code.addStatement("$N[$N] += $N * $N[$N + $N]", in.gradient(), k, g, parameters, row, k);
        code.endControlFlow();
        code.endControlFlow();
    }
}
