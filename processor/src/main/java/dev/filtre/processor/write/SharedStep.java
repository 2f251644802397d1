package dev.filtre.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * A step of the one-sample forward pass that a team of threads shares ({@link SharedPass}). With a
 * {@code task} (a {@code Team.Part} field naming the method), every thread of the team runs {@code
 * method(part, parts)} on its share of the layer's output; without, the caller runs {@code
 * method(1)}, a forward step of the batch pass, alone.
 *
 * @param layer the name of the layer the step belongs to
 * @param channelShares the channels a split step cuts its output into, or 0 when it cuts a
 *     vector's units or is not split
 * @param channelwise whether each output channel of the step reads only the same input channel
 * @param alone the steps on the caller that replace this split step when it cannot {@link
 *     #continuesInto continue} the step before it (a layer that {@link LayerCode#splitsAsContinuation
 *     splits only so}), else empty
 * @param afterTask what the caller runs after the task that holds this step, or empty code
 */
record SharedStep(String layer, MethodSpec method, Optional<FieldSpec> task, int channelShares,
        boolean channelwise, List<SharedStep> alone, CodeBlock afterTask) {
    /** The kernels' team of threads, whose {@code Part}s the split steps are. */
    static final ClassName TEAM = ClassName.get("dev.filtre.kernels", "Team");
    static final ClassName TEAM_PART = TEAM.nestedClass("Part");

    /**
     * Whether {@code next} can run right after this step on the same thread, in the same task:
     * both split a volume into the same channels, and {@code next}'s share of channels reads only
     * the same share of its input (a pooling after a convolution), so no thread waits for
     * another's share.
     */
    boolean continuesInto(SharedStep next) {
        return task.isPresent() && next.task.isPresent() && next.channelwise && channelShares > 0
                && next.channelShares == channelShares;
    }

    /**
     * The steps of {@code code}'s layer: when the layer {@link LayerCode#isSplit is split}, its
     * output cut along its first dimension (filters, planes or units), an elementwise activation
     * applied by each thread to its share, then a softmax on the caller; otherwise its forward
     * steps, on the caller.
     */
    static List<SharedStep> of(LayerCode code) {
        List<SharedStep> onCaller = onCaller(code.layer.name(), code.forwardMethods());
        if (code.isSplit()) {
            return split(code, List.of());
        }
        return code.splitsAsContinuation() ? split(code, onCaller) : onCaller;
    }

    /** Whether this step runs only as a continuation, replaced by {@link #alone} otherwise. */
    boolean continuationOnly() {
        return !alone.isEmpty();
    }

    private static List<SharedStep> split(LayerCode code, List<SharedStep> alone) {
        NameAllocator names = code.members.locals();
        String part = names.newName("part");
        String parts = names.newName("parts");
        String first = names.newName("first");
        String end = names.newName("end");
        FieldSpec target = code.logits().orElse(code.out.values());
        CodeBlock.Builder body = CodeBlock.builder();
        body.addStatement("int $N = $N * $N / $N", first, code.shares(), part, parts);
        body.addStatement("int $N = $N * ($N + 1) / $N", end, code.shares(), part, parts);
        code.addSharedForward(body, names, target, part, first, end);
        var activation = code.layer.activation().filter(ActivationCode::isElementwise)
                .filter(elementwise -> !code.activationForwardAbsorbed());
        activation.ifPresent(elementwise -> ActivationCode.addElementwiseForward(body, names, elementwise, target,
                code.out.values(), code.shareStart(first), code.shareStart(end)));
        String layer = code.layer.name();
        MethodSpec method = MethodSpec.methodBuilder(code.members.method("forward" + Members.capitalized(layer)
                        + "Share"))
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, part)
                .addParameter(TypeName.INT, parts)
                .addJavadoc("$L's forward pass for one sample, a share of its $L$L: part {@code $N} of {@code $N}, "
                        + "run by one thread of the team.\n", layer, code.shareName(),
                        activation.map(a -> " with their " + a.displayName()).orElse(""), part, parts)
                .addCode(body.build())
                .build();
        List<SharedStep> steps = new ArrayList<>();
        steps.add(new SharedStep(layer, method, Optional.of(task(code.members, layer + "Share", method)),
                code.splitByChannel() ? code.layer.output().channels() : 0, code.channelwise(), alone,
                code.afterSharedTask()));
        if (activation.isEmpty()) {
            // a softmax, no activation, or one the next layer applies: the steps after the layer's own
            List<MethodSpec> forward = code.forwardMethods();
            steps.addAll(onCaller(layer, forward.subList(1, forward.size())));
        }
        return steps;
    }

    /** The {@code Team.Part} field {@code name} that runs {@code method}. */
    static FieldSpec task(Members members, String name, MethodSpec method) {
        return FieldSpec.builder(TEAM_PART, members.field(name), Modifier.PRIVATE, Modifier.FINAL)
                .initializer("this::$N", method)
                .build();
    }

    private static List<SharedStep> onCaller(String layer, List<MethodSpec> methods) {
        return methods.stream().map(method -> new SharedStep(layer, method, Optional.empty(), 0, false, List.of(),
                CodeBlock.of(""))).toList();
    }
}
