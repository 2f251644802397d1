package dev.filtre.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import dev.filtre.processor.model.CheckedLayer;

/**
 * A fully connected layer {@code y = W x + b}, {@code W} stored {@code [out][in]}; a volume input
 * is read flat (channel, row, column), which is the flatten. The three steps are the kernels of
 * {@code dev.filtre.kernels.Gemv}: forward {@code y = b + W x}, backward {@code dW += dy xᵀ} (a
 * rank-one update) and {@code dx = Wᵀ dy}.
 */
final class DenseCode extends LayerCode {
    private static final ClassName GEMV = ClassName.get("dev.filtre.kernels", "Gemv");

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
        code.addStatement("$T.arraycopy($N, $N, $N, 0, $N)", SYSTEM, parameters, biasOffset(), target, out.size());
        code.addStatement("$T.multiplyAdd($N, $N, $N, $N, $N, 0, $N, 0)", GEMV, out.size(), in.size(), parameters,
                weightOffset(), in.values(), target);
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names) {
        FieldSpec gradients = model.gradients();
        String o = names.newName("o");
        beginLoop(code, o, out.size());
        code.addStatement("$N[$N + $N] += $N[$N]", gradients, biasOffset(), o, out.gradient(), o);
        code.endControlFlow();
        code.addStatement("$T.rankOneUpdate($N, $N, $N, 0, $N, 0, $N, $N)", GEMV, out.size(), in.size(),
                out.gradient(), in.values(), gradients, weightOffset());
        code.addStatement("$T.fill($N, 0f)", ARRAYS, in.gradient());
        code.addStatement("$T.multiplyTransposedAdd($N, $N, $N, $N, $N, 0, $N, 0)", GEMV, out.size(), in.size(),
                model.parameters(), weightOffset(), out.gradient(), in.gradient());
    }
}
