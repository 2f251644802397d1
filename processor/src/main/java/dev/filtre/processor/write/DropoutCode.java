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
 * (one {@code nextDouble()} of the model's dropout random source per value, in order; in a batch
 * with seeds, sample {@code n}'s values draw from its seed's sequence past the {@code
 * DROP1_DRAWS_BEFORE} values the dropout layers before took, as in a per-sample pass) and the kept
 * ones are scaled by {@code DROP1_SCALE = 1 / (1 - rate)}; in evaluation mode it is the identity.
 * The mask buffer holds the factor applied to each value in training ({@code 0} or {@code
 * DROP1_SCALE}), so the backward pass is {@code dx = g * mask}; after a pass in evaluation ({@code
 * drop1PassedOn}), which leaves the mask as it was, it is {@code dx = g}.
 */
final class DropoutCode extends LayerCode {
    private final FieldSpec rate;
    private final FieldSpec scale;
    private final BatchBuffer mask;
    private final FieldSpec drawsBefore;
    private final FieldSpec passedOn;

    DropoutCode(CheckedLayer layer, Operation.Dropout dropout, Stage in, Stage out, ModelFields model,
            String prefix, int firstParameter, Members members, long dropoutDrawsBefore) {
        super(layer, in, out, model, prefix, firstParameter, members);
        rate = constant(members, TypeName.DOUBLE, "_RATE", CodeBlock.of("$L", dropout.rate()),
                "The probability that " + layer.name() + " drops a value in training.");
        scale = constant(members, TypeName.FLOAT, "_SCALE",
                CodeBlock.of("(float) (1.0 / (1.0 - $N))", rate),
                "The factor " + layer.name() + " applies to the values it keeps: 1 / (1 - rate).");
        mask = BatchBuffer.floats(members.field(layer.name() + "Mask"), out.size());
        drawsBefore = constant(members, TypeName.LONG, "_DRAWS_BEFORE", CodeBlock.of("$LL", dropoutDrawsBefore),
                "How many values of a sample's dropout sequence the dropout layers before " + layer.name()
                        + " draw.");
        passedOn = FieldSpec.builder(TypeName.BOOLEAN, members.field(layer.name() + "PassedOn"), Modifier.PRIVATE)
                .addJavadoc("Whether the last forward pass, in evaluation, passed $L's input on unchanged.\n",
                        layer.name())
                .build();
    }

    @Override
    List<FieldSpec> fixedBuffers() {
        return List.of(passedOn);
    }

    @Override
    List<FieldSpec> hyperparameters() {
        return List.of(rate, scale, drawsBefore);
    }

    @Override
    List<BatchBuffer> extraBatchBuffers() {
        return List.of(mask);
    }

    @Override
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String batch) {
        String n = names.newName("n");
        String k = names.newName("k");
        String start = names.newName("start");
        FieldSpec random = model.dropoutRandom().orElseThrow();
        FieldSpec seeds = model.dropoutSeeds().orElseThrow();
        FieldSpec maskField = mask.field();
        code.beginControlFlow("if ($N)", model.training());
        code.addStatement("$N = false", passedOn);
        beginLoop(code, n, batch);
        code.beginControlFlow("if ($N != null)", seeds);
        code.add("// the part of sample $N's sequence this layer would draw in a per-sample pass\n", n);
        code.addStatement("$N.reseed($N[$N], $N)", random, seeds, n, drawsBefore);
        code.endControlFlow();
        code.addStatement("int $N = $N * $N", start, n, out.size());
        code.add("// nextDouble() < $N ? 0f : $N for each value, drawn in order\n", rate, scale);
        code.addStatement("$N.dropoutMask($N, $N, $N, $N, $N)", random, maskField, start, out.size(), rate, scale);
        beginLoop(code, k, start, CodeBlock.of("$N + $N", start, out.size()));
        code.addStatement("$2N[$1N] = $3N[$1N] * $4N[$1N]", k, target, in.values(), maskField);
        code.endControlFlow();
        code.endControlFlow();
        code.nextControlFlow("else");
        code.addStatement("$N = true", passedOn);
        code.addStatement("$T.arraycopy($N, 0, $N, 0, $L)", SYSTEM, in.values(), target, out.sizeOf(batch));
        code.endControlFlow();
    }

    /**
     * A dropout of a volume continues a split of its planes: each thread copies the planes it has
     * just written in evaluation (no copy on the caller, and no line of another core's planes read
     * there); in training the caller draws the mask after the task, in the values' order.
     */
    @Override
    boolean splitsAsContinuation() {
        return in.shape().isVolume();
    }

    @Override
    boolean splitByChannel() {
        return true;
    }

    @Override
    boolean channelwise() {
        return true;
    }

    @Override
    String shareName() {
        return "planes";
    }

    @Override
    void addSharedForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String part,
            String first, String end) {
        code.beginControlFlow("if (!$N)", model.training());
        code.beginControlFlow("if ($N == 0)", part);
        code.addStatement("$N = true", passedOn);
        code.endControlFlow();
        code.addStatement("$T.arraycopy($N, $L, $N, $L, $L - $L)", SYSTEM, in.values(), shareStart(first), target,
                shareStart(first), shareStart(end), shareStart(first));
        code.endControlFlow();
    }

    @Override
    CodeBlock afterSharedTask() {
        return CodeBlock.builder()
                .beginControlFlow("if ($N)", model.training())
                .addStatement("$N(1)", forwardMethods().get(0))
                .endControlFlow()
                .build();
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names, String batch) {
        String k = names.newName("k");
        beginInputGradient(code);
        code.beginControlFlow("if ($N)", passedOn);
        code.addStatement("$T.arraycopy($N, 0, $N, 0, $L)", SYSTEM, out.gradient(), in.gradient(), out.sizeOf(batch));
        code.nextControlFlow("else");
        beginLoop(code, k, out.sizeOf(batch));
        code.addStatement("$2N[$1N] = $3N[$1N] * $4N[$1N]", k, in.gradient(), out.gradient(), mask.field());
        code.endControlFlow();
        code.endControlFlow();
        endInputGradient(code);
    }
}
