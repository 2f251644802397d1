package dev.filtre.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.Operation;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Inverted dropout. In training mode each value is dropped with probability {@code DROP1_RATE}
 * (one {@code nextDouble()} of the model's dropout random source per value, in order) and the kept
 * ones are scaled by {@code DROP1_SCALE = 1 / (1 - rate)}; in evaluation mode it is the identity.
 * The mask buffer holds the factor applied to each value ({@code 0} or {@code DROP1_SCALE}, or
 * {@code 1} in evaluation), so the backward pass is {@code dx = g * mask} in both modes.
 */
final class DropoutCode extends LayerCode {
    private final FieldSpec rate;
    private final FieldSpec scale;
    private final FieldSpec mask;

    DropoutCode(CheckedLayer layer, Operation.Dropout dropout, Stage in, Stage out, ModelFields model,
            String prefix, int firstParameter, Members members) {
        super(layer, in, out, model, prefix, firstParameter, members);
        rate = constant(members, TypeName.DOUBLE, "_RATE", CodeBlock.of("$L", dropout.rate()),
                "The probability that " + layer.name() + " drops a value in training.");
        scale = constant(members, TypeName.FLOAT, "_SCALE",
                CodeBlock.of("(float) (1.0 / (1.0 - $N))", rate),
                "The factor " + layer.name() + " applies to the values it keeps: 1 / (1 - rate).");
        mask = FieldSpec.builder(Stage.FLOATS, members.field(layer.name() + "Mask"), Modifier.PRIVATE,
                        Modifier.FINAL)
                .initializer("new float[$N]", out.size())
                .build();
    }

    @Override
    List<FieldSpec> hyperparameters() {
        return List.of(rate, scale);
    }

    @Override
    List<FieldSpec> extraBuffers() {
        return List.of(mask);
    }

    @Override
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target) {
        String k = names.newName("k");
        code.beginControlFlow("if ($N)", model.training());
        beginLoop(code, k, out.size());
        code.addStatement("$2N[$1N] = $3N.nextDouble() < $4N ? 0f : $5N", k, mask,
                model.dropoutRandom().orElseThrow(), rate, scale);
        code.addStatement("$2N[$1N] = $3N[$1N] * $4N[$1N]", k, target, in.values(), mask);
        code.endControlFlow();
        code.nextControlFlow("else");
        code.addStatement("$T.fill($N, 1f)", ARRAYS, mask);
        code.addStatement("$T.arraycopy($N, 0, $N, 0, $N)", SYSTEM, in.values(), target, out.size());
        code.endControlFlow();
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names) {
        String k = names.newName("k");
        beginLoop(code, k, out.size());
        code.addStatement("$2N[$1N] = $3N[$1N] * $4N[$1N]", k, in.gradient(), out.gradient(), mask);
        code.endControlFlow();
    }
}
