package dev.filtre.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.lang.model.element.Modifier;

/**
 * The code of one layer in the generated class: its constants, its buffers, and its forward and
 * backward passes written side by side, one subclass per kind of layer.
 *
 * <p>The forward pass {@code forwardConv1()} reads the input stage's buffer and writes the output
 * stage's (or, before a softmax, the logits buffer); a fused activation is a step of its own,
 * {@code forwardConv1Relu()}, in place. The backward pass mirrors it: {@code backwardConv1Relu()}
 * turns dL/d output into dL/d pre-activation in place (from the stored outputs), then {@code
 * backwardConv1()} adds the parameter gradients and writes dL/d input into the input stage's
 * gradient buffer. Keeping the activation's step apart is what lets {@code backwardFromLogits}
 * start below a final softmax.
 */
abstract class LayerCode {
    static final ClassName ARRAYS = ClassName.get(Arrays.class);
    static final ClassName MATH = ClassName.get(Math.class);
    static final ClassName SYSTEM = ClassName.get(System.class);
    static final ClassName SPLITTABLE_RANDOM = ClassName.get(SplittableRandom.class);

    final CheckedLayer layer;
    final Stage in;
    final Stage out;
    final ModelFields model;
    final String prefix;
    final Members members;
    private final FieldSpec index;
    private final Optional<FieldSpec> weightOffset;
    private final Optional<FieldSpec> biasOffset;
    private final Optional<BatchBuffer> logits;
    private final int firstParameter;
    private final String forwardName;
    private final String backwardName;
    private final Optional<String> activationForwardName;
    private final Optional<String> activationBackwardName;
    private final Optional<String> initializeName;
    /** True when the next layer applies this layer's activation derivative in its own backward pass. */
    private boolean activationBackwardAbsorbed;
    private boolean activationForwardAbsorbed;

    /**
     * A layer is split across a team's threads only when one sample's pass through it does at
     * least this many multiply-adds (or, for a pooling, reads this many window values): below that,
     * a hand-off, about 0.2 µs, costs more than half the layer saves.
     */
    static final long SHARED_MIN_WORK = 4096;

    LayerCode(CheckedLayer layer, Stage in, Stage out, ModelFields model, String prefix,
            int firstParameter, Members members) {
        this.layer = layer;
        this.in = in;
        this.out = out;
        this.model = model;
        this.prefix = prefix;
        this.firstParameter = firstParameter;
        this.members = members;
        String name = layer.name();
        this.index = constant(members, "_INDEX", CodeBlock.of("$L", layer.index()),
                "Position of " + name + " in the network, from 0.");
        if (layer.operation().hasParameters()) {
            weightOffset = Optional.of(constant(members, "_WEIGHT_OFFSET",
                    CodeBlock.of("$L", firstParameter),
                    "Where " + name + "'s weights start in {@link #parameters()}."));
            biasOffset = Optional.of(constant(members, "_BIAS_OFFSET",
                    CodeBlock.of("$L", firstParameter + layer.weightCount()),
                    "Where " + name + "'s bias starts in {@link #parameters()}."));
            initializeName = Optional.of(members.method("initialize" + Members.capitalized(name)));
        } else {
            weightOffset = Optional.empty();
            biasOffset = Optional.empty();
            initializeName = Optional.empty();
        }
        logits = layer.activation().filter(a -> a == Activation.SOFTMAX).map(a ->
                BatchBuffer.floats(members.field(name + "Logits"), out.size()));
        String capitalized = Members.capitalized(name);
        forwardName = members.method("forward" + capitalized);
        backwardName = members.method("backward" + capitalized);
        String activation = layer.activation().map(LayerCode::methodSuffix).orElse("");
        activationForwardName = layer.activation().map(a -> members.method("forward" + capitalized + activation));
        activationBackwardName = layer.activation().map(a -> members.method("backward" + capitalized + activation));
    }

    /**
     * The code of {@code layer}, whose input is {@code in} and output {@code out}; {@code
     * dropoutDrawsBefore} counts the random values a sample's dropout layers before it draw; {@code
     * fastPaths} says whether a convolution may go by Winograd or in blocks of ten.
     */
    static LayerCode of(CheckedLayer layer, Stage in, Stage out, ModelFields model, String prefix,
            int firstParameter, Members members, long dropoutDrawsBefore, boolean fastPaths) {
        Operation operation = layer.operation();
        if (operation instanceof Operation.Conv conv) {
            return new ConvCode(layer, conv, in, out, model, prefix, firstParameter, members, fastPaths);
        }
        if (operation instanceof Operation.Pool pool) {
            return new PoolCode(layer, pool, in, out, model, prefix, firstParameter, members);
        }
        if (operation instanceof Operation.Dense) {
            return new DenseCode(layer, in, out, model, prefix, firstParameter, members);
        }
        if (operation instanceof Operation.Dropout dropout) {
            return new DropoutCode(layer, dropout, in, out, model, prefix, firstParameter, members,
                    dropoutDrawsBefore);
        }
        if (operation instanceof Operation.Standalone standalone) {
            return new ActivationCode(layer, standalone.activation(), in, out, model, prefix,
                    firstParameter, members);
        }
        if (operation instanceof Operation.Flatten) {
            return new FlattenCode(layer, in, out, model, prefix, firstParameter, members);
        }
        throw new IllegalArgumentException("no code for " + operation);
    }

    /**
     * Lets the next layer's backward pass apply this layer's activation derivative, and drops this
     * layer's own activation backward step: for a ReLU before a max pooling, which passes each
     * gradient to one input value only when that value (the pooling's output) is positive.
     */
    final void absorbActivationBackward() {
        if (layer.activation().isEmpty()) {
            throw new IllegalStateException(layer.name() + " has no activation to absorb");
        }
        activationBackwardAbsorbed = true;
    }

    /**
     * Lets the next layer apply this layer's activation to its own outputs, and drops this layer's
     * activation forward step: for a ReLU before a max pooling, whose maxima of the values before
     * the ReLU, made positive after, are the maxima of the ReLU's outputs, in a quarter of the
     * values. This layer's output then holds the values before the activation.
     */
    final void absorbActivationForward() {
        if (layer.activation().isEmpty()) {
            throw new IllegalStateException(layer.name() + " has no activation to absorb");
        }
        activationForwardAbsorbed = true;
    }

    /**
     * The condition under which {@code firstNonFiniteLayer()} names this layer: a value of its output
     * for the last batch ({@code batch} samples) is a NaN or an infinity ({@code isFinite} the
     * generated check).
     */
    CodeBlock nonFinite(String isFinite, String batch) {
        return CodeBlock.of("!$N($N, $L)", isFinite, out.values(), out.sizeOf(batch));
    }

    /** Whether the next layer applies this layer's activation ({@link #absorbActivationForward}). */
    final boolean activationForwardAbsorbed() {
        return activationForwardAbsorbed;
    }

    /** A public constant {@code <PREFIX><suffix>} of type int. */
    final FieldSpec constant(Members members, String suffix, CodeBlock value, String javadoc) {
        return constant(members, TypeName.INT, suffix, value, javadoc);
    }

    final FieldSpec constant(Members members, TypeName type, String suffix, CodeBlock value,
            String javadoc) {
        return FieldSpec.builder(type, members.constant(prefix + suffix), Modifier.PUBLIC,
                        Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(javadoc)
                .initializer(value)
                .build();
    }

    /** {@code CONV1_INDEX}, the layer's hyperparameters, then its parameter offsets. */
    final List<FieldSpec> constants() {
        List<FieldSpec> constants = new ArrayList<>();
        constants.add(index);
        constants.addAll(hyperparameters());
        weightOffset.ifPresent(constants::add);
        biasOffset.ifPresent(constants::add);
        return constants;
    }

    /** Constants naming the layer's hyperparameters, e.g. {@code CONV1_KERNEL}. */
    List<FieldSpec> hyperparameters() {
        return List.of();
    }

    /**
     * Buffers besides the stages' that hold a region per sample: the pre-softmax logits,
     * max-pooling's argmax, dropout's mask.
     */
    final List<BatchBuffer> batchBuffers() {
        List<BatchBuffer> buffers = new ArrayList<>();
        logits.ifPresent(buffers::add);
        buffers.addAll(extraBatchBuffers());
        return buffers;
    }

    List<BatchBuffer> extraBatchBuffers() {
        return List.of();
    }

    /** Buffers of a fixed size or sized by the layer itself: a convolution's unfolded input. */
    List<FieldSpec> fixedBuffers() {
        return List.of();
    }

    FieldSpec index() {
        return index;
    }

    /** The running parameter offset at this layer (also for layers that learn nothing). */
    int firstParameter() {
        return firstParameter;
    }

    FieldSpec weightOffset() {
        return weightOffset.orElseThrow();
    }

    FieldSpec biasOffset() {
        return biasOffset.orElseThrow();
    }

    /** The pre-softmax buffer when a softmax is fused onto this layer. */
    Optional<FieldSpec> logits() {
        return logits.map(BatchBuffer::field);
    }

    /** The weight shape as constants, e.g. {@code new int[] {CONV1_CHANNELS, INPUT_CHANNELS, ...}}. */
    CodeBlock weightShapeArray() {
        return CodeBlock.of("new int[0]");
    }

    /** The bias shape as constants, e.g. {@code new int[] {CONV1_CHANNELS}}. */
    CodeBlock biasShapeArray() {
        return CodeBlock.of("new int[0]");
    }

    /** {@code Relu}: how a fused activation's methods end, e.g. {@code forwardConv1Relu}. */
    private static String methodSuffix(Activation activation) {
        String name = activation.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /**
     * The steps of the forward pass, in the order they run: the layer's own ({@code forwardConv1()},
     * into the logits buffer when a softmax follows), then the fused activation's, if any and not
     * {@link #absorbActivationForward absorbed} ({@code forwardConv1Relu()}, in place).
     */
    final List<MethodSpec> forwardMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        NameAllocator names = members.locals();
        String batch = names.newName("batch");
        CodeBlock.Builder code = CodeBlock.builder();
        FieldSpec target = logits().orElse(out.values());
        addForward(code, names, target, batch);
        methods.add(MethodSpec.methodBuilder(forwardName)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, batch)
                .addJavadoc("$L: $L, $L to $L.\n", layer.name(), layer.operation().describe(), layer.input(),
                        layer.output())
                .addCode(code.build())
                .build());
        layer.activation().filter(activation -> !activationForwardAbsorbed).ifPresent(activation -> {
            CodeBlock.Builder activate = CodeBlock.builder();
            NameAllocator activationNames = members.locals();
            String activationBatch = activationNames.newName("batch");
            ActivationCode.addForward(activate, activationNames, activation, target, out.values(), out.size(),
                    activationBatch);
            methods.add(MethodSpec.methodBuilder(activationForwardName.orElseThrow())
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(TypeName.INT, activationBatch)
                    .addJavadoc("$L's $L$L.\n", layer.name(), activation.displayName(),
                            target.equals(out.values()) ? ", in place" : ", from the logits")
                    .addCode(activate.build())
                    .build());
        });
        return methods;
    }

    /**
     * The steps of the backward pass, in the order they run: the fused activation's (if any), then
     * the layer's own.
     */
    final List<MethodSpec> backwardMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        layer.activation().filter(activation -> !activationBackwardAbsorbed).ifPresent(activation -> {
            NameAllocator names = members.locals();
            String batch = names.newName("batch");
            CodeBlock.Builder code = CodeBlock.builder();
            ActivationCode.addBackward(code, names, activation, out.gradient(), out.values(),
                    out.gradient(), out.size(), batch);
            methods.add(MethodSpec.methodBuilder(activationBackwardName.orElseThrow())
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(TypeName.INT, batch)
                    .addJavadoc("$L's $L, backward: dL/d output to dL/d pre-activation, in place.\n",
                            layer.name(), activation.displayName())
                    .addCode(code.build())
                    .build());
        });
        NameAllocator names = members.locals();
        String batch = names.newName("batch");
        CodeBlock.Builder code = CodeBlock.builder();
        addBackward(code, names, batch);
        methods.add(MethodSpec.methodBuilder(backwardName)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, batch)
                .addJavadoc("$L: $L, backward: dL/d $L to dL/d input$L.\n", layer.name(),
                        layer.operation().describe(),
                        layer.activation().isPresent() ? "pre-activation" : "output",
                        layer.operation().hasParameters() ? ", adding to the parameter gradients" : "")
                .addCode(code.build())
                .build());
        return methods;
    }

    /** Whether a team's threads share this layer's one-sample pass: whether it is large enough. */
    final boolean isSplit() {
        return sharedWork() >= SHARED_MIN_WORK;
    }

    /**
     * The multiply-adds of one sample's pass through the layer (window values read, for a
     * pooling): whether it is worth splitting. 0, never split, unless a subclass says otherwise.
     */
    long sharedWork() {
        return 0;
    }

    /**
     * Buffers of each thread of a team, which {@link #teamBufferAllocation} fills, for a layer that
     * {@link #isSplit is split}.
     */
    List<FieldSpec> teamBuffers() {
        return List.of();
    }

    /** Allocates {@link #teamBuffers()} for a team of {@code threads} (a local) threads. */
    CodeBlock teamBufferAllocation(NameAllocator names, String threads) {
        return CodeBlock.of("");
    }

    /**
     * Whether a layer too small to be {@link #isSplit split} on its own is split when it continues a
     * layer split into the same channels, in the same task: each thread goes on with the planes it
     * has just written, so no hand-off is added (a dropout, which copies them in evaluation).
     */
    boolean splitsAsContinuation() {
        return false;
    }

    /**
     * What the caller runs after the team's task that holds this layer's share, for what the share
     * does not do (a dropout's draws in training, which follow the values' order); empty unless
     * the layer {@link #splitsAsContinuation}.
     */
    CodeBlock afterSharedTask() {
        return CodeBlock.of("");
    }

    /** Whether the shares are the output's channels (filters or planes), not a vector's units. */
    boolean splitByChannel() {
        return false;
    }

    /** Whether each output channel reads only the same input channel (a pooling's planes). */
    boolean channelwise() {
        return false;
    }

    /**
     * The number of shares the output splits into: filters, planes or units; the output's channels
     * for a layer split by channel.
     */
    FieldSpec shares() {
        if (splitByChannel()) {
            return out.channels();
        }
        throw new UnsupportedOperationException(layer.name() + " is not split");
    }

    /** Where share {@code share} (a local) starts in the output, as code: its plane's first value for a layer split by channel. */
    CodeBlock shareStart(String share) {
        if (splitByChannel()) {
            return CodeBlock.of("$N * $N * $N", share, out.height(), out.width());
        }
        throw new UnsupportedOperationException(layer.name() + " is not split");
    }

    /** What the shares are, for the javadoc: "filters", "planes" or "units". */
    String shareName() {
        throw new UnsupportedOperationException(layer.name() + " is not split");
    }

    /**
     * Writes the layer's own forward computation for one sample, for the shares {@code first ..
     * end - 1} of its output only: part {@code part} of a team's (locals named by {@code part},
     * {@code first} and {@code end}).
     */
    void addSharedForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String part,
            String first, String end) {
        throw new UnsupportedOperationException(layer.name() + " is not split");
    }

    /** {@code initializeConv1(random)}, for a layer with parameters. */
    final Optional<MethodSpec> initializeMethod(FieldSpec parameters) {
        return initializeName.map(name -> {
            NameAllocator names = members.locals();
            String random = names.newName("random");
            String limit = names.newName("limit");
            String k = names.newName("k");
            CodeBlock fanIn = fanIn();
            CodeBlock.Builder code = CodeBlock.builder();
            switch (layer.initializer()) {
                case HE_UNIFORM:
                    code.add("// He uniform: U(-sqrt(6 / fanIn), sqrt(6 / fanIn))\n");
                    code.addStatement("double $N = $T.sqrt(6.0 / ($L))", limit, MATH, fanIn);
                    break;
                case GLOROT_UNIFORM:
                    code.add("// Glorot uniform: U(-sqrt(6 / (fanIn + fanOut)), sqrt(6 / (fanIn + fanOut)))\n");
                    code.addStatement("double $N = $T.sqrt(6.0 / ($L + $L))", limit, MATH, fanIn, fanOut());
                    break;
                default:
                    throw new IllegalArgumentException(layer.name() + " learns weights but has initializer "
                            + layer.initializer());
            }
            code.beginControlFlow("for (int $1N = $2N; $1N < $3N; $1N++)", k, weightOffset(), biasOffset());
            code.addStatement("$N[$N] = (float) $N.nextDouble(-$N, $N)", parameters, k, random, limit, limit);
            code.endControlFlow();
            code.addStatement("$T.fill($N, $N, $N + $N, 0f)", ARRAYS, parameters, biasOffset(), biasOffset(),
                    biasCount());
            return MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(SPLITTABLE_RANDOM, random)
                    .addJavadoc("Draws $L's weights from {@code $N}; its biases start at 0.\n", layer.name(),
                            random)
                    .addCode(code.build())
                    .build();
        });
    }

    /** The constant counting the biases: one per filter or unit. */
    FieldSpec biasCount() {
        throw new UnsupportedOperationException(layer.name() + " learns nothing");
    }

    /** The number of inputs each output sees, for the initializer. */
    CodeBlock fanIn() {
        throw new UnsupportedOperationException(layer.name() + " learns nothing");
    }

    /** The number of outputs each input reaches, for the initializer. */
    CodeBlock fanOut() {
        throw new UnsupportedOperationException(layer.name() + " learns nothing");
    }

    /**
     * Writes the layer's own forward computation from {@code in.values()} into {@code target}, for
     * the samples {@code 0 .. batch - 1} ({@code batch} names the method's parameter).
     */
    abstract void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String batch);

    /**
     * Writes the layer's own backward computation for the samples {@code 0 .. batch - 1}: reads
     * dL/d (pre-activation) output from {@code out.gradient()}, adds to the parameter gradients,
     * writes dL/d input into {@code in.gradient()} (for the first layer, only when {@link
     * ModelFields#inputGradientWanted()}: see {@link #beginInputGradient}).
     */
    abstract void addBackward(CodeBlock.Builder code, NameAllocator names, String batch);

    /**
     * Opens the part of a backward pass that computes dL/d input: for the first layer, whose input
     * gradient is the network's, {@code if (inputGradientWanted)}; close it with {@link
     * #endInputGradient}.
     */
    final void beginInputGradient(CodeBlock.Builder code) {
        if (layer.index() == 0) {
            code.add("// the network's input gradient: the per-sample pass reports it, training skips it\n");
            code.beginControlFlow("if ($N)", model.inputGradientWanted());
        }
    }

    final void endInputGradient(CodeBlock.Builder code) {
        if (layer.index() == 0) {
            code.endControlFlow();
        }
    }

    /** Opens {@code for (int i = 0; i < bound; i++)}. */
    static void beginLoop(CodeBlock.Builder code, String index, Object bound) {
        code.beginControlFlow("for (int $1N = 0; $1N < $2L; $1N++)", index, ref(bound));
    }

    /** Opens {@code for (int i = start; i < end; i++)}. */
    static void beginLoop(CodeBlock.Builder code, String index, Object start, Object end) {
        code.beginControlFlow("for (int $1N = $2L; $1N < $3L; $1N++)", index, ref(start), ref(end));
    }

    /** A field or a local as code: {@code $N} of it; a code block as it is. */
    static CodeBlock ref(Object value) {
        if (value instanceof CodeBlock block) {
            return block;
        }
        if (value instanceof Integer) {
            return CodeBlock.of("$L", value);
        }
        return CodeBlock.of("$N", value);
    }
}
