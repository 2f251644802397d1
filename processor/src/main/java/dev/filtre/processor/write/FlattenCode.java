package dev.filtre.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import dev.filtre.processor.model.CheckedLayer;

/**
 * Flattening a volume, channel first then row then column: the buffers are already laid out that
 * way, so forward and backward are plain copies.
 */
final class FlattenCode extends LayerCode {
    FlattenCode(CheckedLayer layer, Stage in, Stage out, ModelFields model, String prefix,
            int firstParameter, Members members) {
        super(layer, in, out, model, prefix, firstParameter, members);
    }

    @Override
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String batch) {
        code.addStatement("$T.arraycopy($N, 0, $N, 0, $L)", SYSTEM, in.values(), target, out.sizeOf(batch));
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names, String batch) {
        beginInputGradient(code);
        code.addStatement("$T.arraycopy($N, 0, $N, 0, $L)", SYSTEM, out.gradient(), in.gradient(),
                out.sizeOf(batch));
        endInputGradient(code);
    }
}
