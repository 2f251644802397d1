package dev.filtre.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The one-sample forward pass split across a team of threads, which {@code setIntraOpThreads(n)}
 * turns on: the model's {@code team} field (null on one thread), the two methods of the {@code
 * Model} contract that set and report it, and {@code forwardSharedPass()}, which hands each layer's
 * split steps to the team ({@code team.run(conv1Share)}) and runs its other steps on the caller, in
 * the order of the layers.
 *
 * <p>Each split step writes a disjoint share of its layer's output with the kernels the pass on one
 * thread calls, and leaves what a backward pass reads (the unfolded input in the caller's matrix,
 * the maxima's indices) where the pass on one thread leaves it. A pooling after a convolution runs
 * in the convolution's task, on the planes the same thread has just written. The values agree
 * with the pass on one thread to float rounding (a dense layer's share of units may take other
 * kernels than the whole layer) and are the same bits on every call.
 */
final class SharedPass {
    private final String networkName;
    private final List<LayerCode> codes;
    private final List<SharedStep> steps = new ArrayList<>();
    private final FieldSpec team;
    private final String pass;

    SharedPass(String networkName, List<LayerCode> codes, Members members) {
        this.networkName = networkName;
        this.codes = codes;
        this.team = FieldSpec.builder(SharedStep.TEAM, members.field("team"), Modifier.PRIVATE)
                .addJavadoc("The threads a one-sample pass is split across, or null: the caller alone.\n")
                .build();
        this.pass = members.method("forwardSharedPass");
        for (LayerCode code : codes) {
            steps.addAll(SharedStep.of(code));
        }
    }

    /**
     * The steps in groups that run as one task: a split step with the split steps that {@link
     * SharedStep#continuesInto continue} it (a convolution and the pooling of its
     * filters' planes, a dropout of those planes), or a step on the caller alone; a step split
     * only as a continuation that follows none runs on the caller.
     */
    private List<List<SharedStep>> groups() {
        List<List<SharedStep>> groups = new ArrayList<>();
        for (SharedStep step : steps) {
            List<SharedStep> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last.get(last.size() - 1).continuesInto(step)) {
                last.add(step);
            } else if (step.continuationOnly()) {
                step.alone().forEach(alone -> groups.add(new ArrayList<>(List.of(alone))));
            } else {
                groups.add(new ArrayList<>(List.of(step)));
            }
        }
        return groups;
    }

    /**
     * A task running {@code group}'s part methods one after the other on each thread: {@code
     * forwardConv1Pool1Share(part, parts)}, which a thread runs on the planes it has just written.
     */
    private static FieldSpec addChain(TypeSpec.Builder type, Members members, List<SharedStep> group) {
        StringBuilder name = new StringBuilder();
        for (SharedStep step : group) {
            name.append(Members.capitalized(step.layer()));
        }
        NameAllocator names = members.locals();
        String part = names.newName("part");
        String parts = names.newName("parts");
        MethodSpec.Builder chain = MethodSpec.methodBuilder(members.method("forward" + name + "Share"))
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, part)
                .addParameter(TypeName.INT, parts)
                .addJavadoc("Part {@code $N} of {@code $N} of $L layers in a row, split alike: each thread goes on "
                        + "with the channels it has just written.\n", part, parts, group.size());
        for (SharedStep step : group) {
            chain.addStatement("$N($N, $N)", step.method(), part, parts);
        }
        MethodSpec method = chain.build();
        type.addMethod(method);
        return SharedStep.task(members, Character.toLowerCase(name.charAt(0)) + name.substring(1) + "Share",
                method);
    }

    /** The team field, which the forward pass tests to choose the shared pass. */
    FieldSpec team() {
        return team;
    }

    /** The name of the shared pass's method, which takes no argument. */
    String pass() {
        return pass;
    }

    /** Adds the team, the split steps' tasks and methods, the pass and the team's two setters. */
    void addTo(TypeSpec.Builder type, Members members) {
        type.addField(team);
        for (LayerCode code : codes) {
            if (code.isSplit()) {
                type.addFields(code.teamBuffers());
            }
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder(pass)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Runs the sample in the input buffer through every layer, each large layer split "
                        + "across the team's threads.\n");
        for (List<SharedStep> group : groups()) {
            SharedStep first = group.get(0);
            if (first.task().isEmpty()) {
                method.addStatement("$N(1)", first.method());
                continue;
            }
            for (SharedStep step : group) {
                type.addMethod(step.method());
            }
            FieldSpec task = group.size() == 1 ? first.task().get() : addChain(type, members, group);
            type.addField(task);
            method.addStatement("$N.run($N)", team, task);
            for (SharedStep step : group) {
                method.addCode(step.afterTask());
            }
        }
        type.addMethod(method.build());

        NameAllocator names = members.locals();
        String threads = names.newName("threads");
        CodeBlock.Builder buffers = CodeBlock.builder();
        for (LayerCode code : codes) {
            if (code.isSplit()) {
                buffers.add(code.teamBufferAllocation(names.clone(), threads));
            }
        }
        type.addMethod(MethodSpec.methodBuilder("setIntraOpThreads")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypeName.INT, threads)
                .beginControlFlow("if ($N < 1)", threads)
                .addStatement("throw new $T($S + $N)", IllegalArgumentException.class,
                        networkName + ": a one-sample pass runs on 1 thread or more, not ", threads)
                .endControlFlow()
                .beginControlFlow("if ($N != null)", team)
                .addStatement("$N.close()", team)
                .addStatement("$N = null", team)
                .endControlFlow()
                .beginControlFlow("if ($N > 1)", threads)
                .addComment("the helpers stop when this model is dropped without setting 1 thread again")
                .addStatement("$N = $T.of($N, $S).closedWhenUnreachable(this)", team, SharedStep.TEAM, threads,
                        networkName + "-intra-op")
                .endControlFlow()
                .addCode(buffers.build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("intraOpThreads")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addStatement("return $N == null ? 1 : $N.size()", team, team)
                .build());
    }
}
