package dev.filtre.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code <Name>Model} class of a checked network: a public final class implementing the
 * user's interface and {@link Model}, with the shapes as constants, the summary, and forward and
 * backward passes specialized for the declared shapes. Never reports diagnostics: it only sees
 * networks that checked clean. The output depends only on the network, so it is the same on every
 * build.
 *
 * <p>The writer is a sequence of small {@code addXxx} steps over one {@link TypeSpec.Builder}; the
 * code of each layer comes from its {@link LayerCode}.
 */
public final class ModelWriter {
    /** The processor named in {@code @Generated}. */
    static final String GENERATOR = "dev.filtre.processor.NetworkProcessor";
    /** The seed a new model's parameters and dropout masks are drawn from. */
    static final long DEFAULT_SEED = 0L;
    /** A slice of a batch inference keeps its values between layers under this many floats (2 MiB). */
    static final long SLICE_VALUES = 1L << 19;
    /** No more samples than this in a slice of a batch inference. */
    static final long MAX_SLICE = 64;

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName ARRAYS = ClassName.get(Arrays.class);
    private static final ClassName SYSTEM = ClassName.get(System.class);
    private static final ClassName MATH = ClassName.get(Math.class);
    private static final ClassName OBJECTS = ClassName.get(Objects.class);
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName FLOAT = ClassName.get(Float.class);
    private static final ClassName SPLITTABLE_RANDOM = ClassName.get(SplittableRandom.class);
    private static final ClassName RESEEDABLE_RANDOM = ClassName.get("dev.filtre.kernels", "ReseedableRandom");
    private static final TypeName LIST_OF_LAYERS = ParameterizedTypeName.get(LIST, ClassName.get(Layer.class));
    private static final TypeName FLOATS = Stage.FLOATS;

    /**
     * Whether a convolution may go by Winograd ({@link ConvCode#convolvesByWinograd}) or in blocks of
     * ten ({@link ConvCode#convolvesInBlocksOfTen}).
     */
    private final boolean fastPaths;

    /** The writer of the models the processor generates. */
    public ModelWriter() {
        this(true);
    }

    private ModelWriter(boolean fastPaths) {
        this.fastPaths = fastPaths;
    }

    /**
     * A writer whose models unfold and multiply the convolutions that would go by Winograd or in
     * blocks of ten: the reference the tests compare those passes' values and gradients with.
     */
    static ModelWriter unfoldingInsteadOfFastPaths() {
        return new ModelWriter(false);
    }

    /** The file to write for {@code network}, declared by {@code originatingElement}. */
    public JavaFile write(CheckedNetwork network, Element originatingElement) {
        if (network.layers().isEmpty()) {
            throw new IllegalArgumentException(network.name() + " has no layers");
        }
        Plan plan = new Plan(network, fastPaths);
        TypeSpec.Builder type = TypeSpec.classBuilder(plan.model)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(plan.declaration)
                .addSuperinterface(Model.class);
        if (originatingElement != null) {
            type.addOriginatingElement(originatingElement);
        }
        addGenerated(type);
        addJavadoc(type, plan);
        addConstants(type, plan);
        addFields(type, plan);
        addConstructors(type, plan);
        addLayerAccessors(type, plan);
        addDescription(type, plan);
        addParameterMethods(type, plan);
        addModeMethods(type, plan);
        addForwardMethods(type, plan);
        plan.sharedPass.addTo(type, plan.members);
        addBackwardMethods(type, plan);
        addDiagnostics(type, plan);
        addReplica(type, plan);
        addLayerPasses(type, plan);
        addHelpers(type, plan);
        type.addType(LayerHandleWriter.write(plan.handle, plan.fields.parameters()));
        return JavaFile.builder(network.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /**
     * Everything the steps share: the names, the stages between layers and each layer's code,
     * allocated once and in order so that the output is deterministic.
     */
    private static final class Plan {
        final CheckedNetwork network;
        final ClassName declaration;
        final ClassName model;
        final ClassName handle;
        final Members members = new Members();
        final ModelFields fields;
        final FieldSpec layers;
        final FieldSpec parametersConstant;
        final FieldSpec outputSizeConstant;
        final FieldSpec defaultSeed;
        final FieldSpec summary;
        final Stage input;
        final List<LayerCode> codes = new ArrayList<>();
        final String requireRange;
        final String requireBatch;
        final String isFinite;
        final String ensureCapacity;
        final String forwardPass;
        final String backwardPass;
        final String backwardPassFromLogits;
        final boolean endsWithSoftmax;
        /** The samples of the last forward pass; 0 before the first. */
        final FieldSpec lastBatch;
        /** The samples every {@link BatchBuffer} has room for. */
        final FieldSpec capacity;
        final FieldSpec batchSlice;
        final FieldSpec sampleOutput;
        final FieldSpec sampleLogits;
        final FieldSpec sampleInputGradient;
        final SharedPass sharedPass;

        Plan(CheckedNetwork network, boolean fastPaths) {
            this.network = network;
            List<String> names = network.simpleNames();
            declaration = ClassName.get(network.packageName(), names.get(0),
                    names.subList(1, names.size()).toArray(new String[0]));
            model = ClassName.get(network.packageName(), network.modelSimpleName());
            handle = model.nestedClass("LayerHandle");

            parametersConstant = intConstant(members.constant("PARAMETERS"),
                    CodeBlock.of("$L", Math.toIntExact(network.parameterCount())),
                    "The number of learned values: the length of {@link #parameters()}.");
            defaultSeed = FieldSpec.builder(TypeName.LONG, members.constant("DEFAULT_SEED"), Modifier.PUBLIC,
                            Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The seed a new model's parameters and dropout masks are drawn from.")
                    .initializer("$LL", DEFAULT_SEED)
                    .build();
            members.constant("OUTPUT");
            summary = FieldSpec.builder(String.class, members.constant("SUMMARY"), Modifier.PRIVATE,
                            Modifier.STATIC, Modifier.FINAL)
                    .initializer("$S", SummaryTable.render(network))
                    .build();

            FieldSpec parameters = FieldSpec.builder(FLOATS, members.field("parameters"), Modifier.PRIVATE,
                    Modifier.FINAL).build();
            FieldSpec gradients = FieldSpec.builder(FLOATS, members.field("gradients"), Modifier.PRIVATE,
                            Modifier.FINAL)
                    .initializer("new float[$N]", parametersConstant)
                    .build();
            FieldSpec training = FieldSpec.builder(TypeName.BOOLEAN, members.field("training"),
                    Modifier.PRIVATE).build();
            boolean hasDropout = network.layers().stream()
                    .anyMatch(layer -> layer.operation() instanceof Operation.Dropout);
            Optional<FieldSpec> dropoutRandom = hasDropout
                    ? Optional.of(FieldSpec.builder(RESEEDABLE_RANDOM, members.field("dropoutRandom"),
                            Modifier.PRIVATE).build())
                    : Optional.empty();
            Optional<FieldSpec> dropoutSeeds = hasDropout
                    ? Optional.of(FieldSpec.builder(long[].class, members.field("dropoutSeeds"), Modifier.PRIVATE)
                            .addJavadoc("The seeds of the running batch pass's dropout masks, or null.\n")
                            .build())
                    : Optional.empty();
            FieldSpec inputGradientWanted = FieldSpec.builder(TypeName.BOOLEAN, members.field("inputGradientWanted"),
                    Modifier.PRIVATE).build();
            fields = new ModelFields(parameters, gradients, training, dropoutRandom, dropoutSeeds,
                    inputGradientWanted);
            lastBatch = FieldSpec.builder(TypeName.INT, members.field("lastBatch"), Modifier.PRIVATE).build();
            capacity = FieldSpec.builder(TypeName.INT, members.field("capacity"), Modifier.PRIVATE)
                    .initializer("1")
                    .build();
            layers = FieldSpec.builder(LIST_OF_LAYERS, members.field("layers"), Modifier.PRIVATE, Modifier.FINAL)
                    .build();
            input = Stage.input(network.input(), members);
            for (String method : modelMethodNames()) {
                members.method(method);
            }
            for (CheckedLayer layer : network.layers()) {
                members.method(layer.name());
            }
            requireRange = members.method("requireRange");
            requireBatch = members.method("requireBatch");
            isFinite = members.method("isFinite");
            ensureCapacity = members.method("ensureCapacity");
            forwardPass = members.method("forwardPass");
            backwardPass = members.method("backwardPass");
            backwardPassFromLogits = members.method("backwardPassFromLogits");

            Stage in = input;
            int offset = 0;
            long dropoutDraws = 0;
            long valuesPerSample = network.input().size();
            for (CheckedLayer layer : network.layers()) {
                String prefix = members.constant(Members.upperSnake(layer.name()));
                Stage out = Stage.output(layer.output(), layer.name(), prefix, members);
                LayerCode code = LayerCode.of(layer, in, out, fields, prefix, offset, members, dropoutDraws,
                        fastPaths);
                if (code instanceof PoolCode pool && !codes.isEmpty()) {
                    pool.absorbReluOf(lastCode());
                    pool.letWinogradPool(lastCode(), members);
                }
                codes.add(code);
                offset += Math.toIntExact(layer.parameterCount());
                if (layer.operation() instanceof Operation.Dropout) {
                    dropoutDraws += layer.output().size();
                }
                valuesPerSample += layer.output().size();
                in = out;
            }
            sharedPass = new SharedPass(network.name(), codes, members);
            batchSlice = intConstant(members.constant("BATCH_SLICE"),
                    CodeBlock.of("$L", Math.max(1, Math.min(MAX_SLICE, SLICE_VALUES / valuesPerSample))),
                    "Samples {@link #forwardBatch(float[], int, float[])} runs at once: as many as keep the "
                            + "values between layers in the cache.");
            sampleOutput = sampleBuffer(members.field("sampleOutput"), output().size(),
                    "The output of the last per-sample forward pass.");
            sampleLogits = sampleBuffer(members.field("sampleLogits"), output().size(),
                    "The logits of the last per-sample forward pass.");
            sampleInputGradient = sampleBuffer(members.field("sampleInputGradient"), input.size(),
                    "dL/d input of the last per-sample backward pass.");
            outputSizeConstant = intConstant(members.constant("OUTPUT_SIZE"),
                    CodeBlock.of("$L", network.output().size()),
                    "The number of values in one output, as {@link #" + output().size().name() + "}.");
            CheckedLayer last = lastCode().layer;
            endsWithSoftmax = last.activation().equals(Optional.of(Activation.SOFTMAX))
                    || last.operation().equals(new Operation.Standalone(Activation.SOFTMAX));
        }

        LayerCode lastCode() {
            return codes.get(codes.size() - 1);
        }

        private static FieldSpec sampleBuffer(String name, FieldSpec size, String javadoc) {
            return FieldSpec.builder(FLOATS, name, Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("$L\n", javadoc)
                    .initializer("new float[$N]", size)
                    .build();
        }

        /** Every buffer with a region per sample, in field order. */
        List<BatchBuffer> batchBuffers() {
            List<BatchBuffer> buffers = new ArrayList<>(input.buffers());
            for (LayerCode code : codes) {
                buffers.addAll(code.out.buffers());
                buffers.addAll(code.batchBuffers());
            }
            return buffers;
        }

        Stage output() {
            return lastCode().out;
        }

        /** The buffer holding the logits: before a final softmax, else the output. */
        FieldSpec logits() {
            LayerCode last = lastCode();
            if (last.logits().isPresent()) {
                return last.logits().get();
            }
            return endsWithSoftmax ? last.in.values() : last.out.values();
        }

        /** True when the network has no final softmax, so that its logits are its output. */
        boolean logitsAreOutput() {
            return logits().equals(output().values());
        }

        /** The buffer receiving dL/d logits in {@code backwardFromLogits}. */
        FieldSpec logitsGradient() {
            LayerCode last = lastCode();
            return endsWithSoftmax && last.logits().isEmpty() ? last.in.gradient() : last.out.gradient();
        }

        /** Every backward step, last layer first. */
        List<MethodSpec> backwardSteps() {
            List<MethodSpec> steps = new ArrayList<>();
            for (int i = codes.size() - 1; i >= 0; i--) {
                steps.addAll(codes.get(i).backwardMethods());
            }
            return steps;
        }

        private static List<String> modelMethodNames() {
            List<String> names = new ArrayList<>();
            for (java.lang.reflect.Method method : Model.class.getMethods()) {
                names.add(method.getName());
            }
            names.sort(null);
            return names;
        }
    }

    private static FieldSpec intConstant(String name, CodeBlock value, String javadoc) {
        return FieldSpec.builder(TypeName.INT, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(javadoc)
                .initializer(value)
                .build();
    }

    private static void addGenerated(TypeSpec.Builder type) {
        type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build());
    }

    private static void addJavadoc(TypeSpec.Builder type, Plan plan) {
        type.addJavadoc("The network declared by {@link $T}, compiled: shapes checked, passes specialized.\n\n",
                plan.declaration);
        type.addJavadoc("<pre>\n$L\n</pre>\n\n", escapeHtml(SummaryTable.render(plan.network)));
        type.addJavadoc("<p>A new model's parameters are drawn by {@link #initialize(long)} from {@link #$N};\n"
                + "its dropout masks start from the same seed, and it starts in evaluation mode.\n"
                + "Parameters are laid out layer after layer, weights then bias, at the\n"
                + "{@code *_WEIGHT_OFFSET} and {@code *_BIAS_OFFSET} constants. An instance is meant for one\n"
                + "thread; {@link #replica()} makes another that shares the parameters, and\n"
                + "{@link #setIntraOpThreads(int)} splits a one-sample pass across more. Nothing is allocated\n"
                + "by the forward and backward passes.\n",
                plan.defaultSeed);
    }

    /** Javadoc is HTML: the table's characters must show as they are. */
    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;");
    }

    private static void addConstants(TypeSpec.Builder type, Plan plan) {
        type.addField(plan.parametersConstant);
        type.addFields(plan.input.constants());
        type.addField(plan.outputSizeConstant);
        type.addField(plan.batchSlice);
        type.addField(plan.defaultSeed);
        for (LayerCode code : plan.codes) {
            type.addFields(code.out.constants());
            type.addFields(code.constants());
        }
        type.addField(plan.summary);
    }

    private static void addFields(TypeSpec.Builder type, Plan plan) {
        ModelFields fields = plan.fields;
        type.addField(fields.parameters());
        type.addField(fields.gradients());
        type.addField(fields.training());
        fields.dropoutRandom().ifPresent(type::addField);
        fields.dropoutSeeds().ifPresent(type::addField);
        type.addField(fields.inputGradientWanted());
        type.addField(plan.layers);
        type.addField(plan.lastBatch);
        type.addField(plan.capacity);
        type.addField(plan.sampleOutput);
        if (!plan.logitsAreOutput()) {
            type.addField(plan.sampleLogits);
        }
        type.addField(plan.sampleInputGradient);
        type.addField(plan.input.values());
        type.addField(plan.input.gradient());
        for (LayerCode code : plan.codes) {
            type.addField(code.out.values());
            for (BatchBuffer buffer : code.batchBuffers()) {
                type.addField(buffer.field());
            }
            type.addFields(code.fixedBuffers());
            type.addField(code.out.gradient());
        }
    }

    private static void addConstructors(TypeSpec.Builder type, Plan plan) {
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A model whose parameters are drawn from {@link #$N}, in evaluation mode.\n",
                        plan.defaultSeed)
                .addStatement("this(new float[$N])", plan.parametersConstant)
                .addStatement("initialize($N)", plan.defaultSeed)
                .build());

        NameAllocator names = plan.members.locals();
        String parameters = names.newName("sharedParameters");
        CodeBlock.Builder handles = CodeBlock.builder();
        for (int i = 0; i < plan.codes.size(); i++) {
            LayerCode code = plan.codes.get(i);
            CheckedLayer layer = code.layer;
            handles.add("$Lnew $T($S, $N, $S, $L, $L, $L, $L, $L, $L)", i == 0 ? "" : ",\n", plan.handle,
                    layer.name(), code.index(), layer.describe(), code.in.shapeArray(), code.out.shapeArray(),
                    code.weightShapeArray(), code.biasShapeArray(),
                    layer.operation().hasParameters() ? CodeBlock.of("$N", code.weightOffset())
                            : CodeBlock.of("$L", code.firstParameter()),
                    layer.operation().hasParameters() ? CodeBlock.of("$N", code.biasOffset())
                            : CodeBlock.of("$L", code.firstParameter()));
        }
        MethodSpec.Builder shared = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("A model reading and writing {@code $N}, shared with the models it was replicated "
                        + "from or to.\n", parameters)
                .addParameter(FLOATS, parameters)
                .addStatement("this.$N = $N", plan.fields.parameters(), parameters)
                .addCode("this.$N = $T.of(\n$>$>$L$<$<);\n", plan.layers, LIST, handles.build());
        plan.fields.dropoutRandom().ifPresent(random ->
                shared.addStatement("this.$N = new $T($N)", random, RESEEDABLE_RANDOM, plan.defaultSeed));
        type.addMethod(shared.build());
    }

    private static void addLayerAccessors(TypeSpec.Builder type, Plan plan) {
        for (LayerCode code : plan.codes) {
            type.addMethod(MethodSpec.methodBuilder(code.layer.name())
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(Layer.class)
                    .addStatement("return $N.get($N)", plan.layers, code.index())
                    .build());
        }
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }

    private static void addDescription(TypeSpec.Builder type, Plan plan) {
        type.addMethod(override("name", ClassName.get(String.class))
                .addStatement("return $S", plan.network.name())
                .build());
        type.addMethod(override("inputShape", Stage.INTS)
                .addStatement("return $L", plan.input.shapeArray())
                .build());
        type.addMethod(override("inputSize", TypeName.INT)
                .addStatement("return $N", plan.input.size())
                .build());
        type.addMethod(override("outputShape", Stage.INTS)
                .addStatement("return $L", plan.output().shapeArray())
                .build());
        type.addMethod(override("outputSize", TypeName.INT)
                .addStatement("return $N", plan.outputSizeConstant)
                .build());
        type.addMethod(override("parameterCount", TypeName.INT)
                .addStatement("return $N", plan.parametersConstant)
                .build());
        type.addMethod(override("layers", LIST_OF_LAYERS)
                .addStatement("return $N", plan.layers)
                .build());
        type.addMethod(override("summary", ClassName.get(String.class))
                .addStatement("return $N", plan.summary)
                .build());
        type.addMethod(override("endsWithSoftmax", TypeName.BOOLEAN)
                .addStatement("return $L", plan.endsWithSoftmax)
                .build());
    }

    private static void addParameterMethods(TypeSpec.Builder type, Plan plan) {
        ModelFields fields = plan.fields;
        type.addMethod(override("parameters", FLOATS).addStatement("return $N", fields.parameters()).build());
        type.addMethod(override("gradients", FLOATS).addStatement("return $N", fields.gradients()).build());
        type.addMethod(override("zeroGradients", TypeName.VOID)
                .addStatement("$T.fill($N, 0f)", ARRAYS, fields.gradients())
                .build());

        NameAllocator names = plan.members.locals();
        String seed = names.newName("seed");
        String random = names.newName("random");
        MethodSpec.Builder initialize = override("initialize", TypeName.VOID).addParameter(TypeName.LONG, seed);
        List<MethodSpec> initializers = new ArrayList<>();
        for (LayerCode code : plan.codes) {
            code.initializeMethod(fields.parameters()).ifPresent(initializers::add);
        }
        if (initializers.isEmpty()) {
            initialize.addComment("no layer learns anything");
        } else {
            initialize.addStatement("$T $N = new $T($N)", SPLITTABLE_RANDOM, random, SPLITTABLE_RANDOM, seed);
            for (MethodSpec initializer : initializers) {
                initialize.addStatement("$N($N)", initializer, random);
            }
        }
        type.addMethod(initialize.build());
        type.addMethods(initializers);
    }

    private static void addModeMethods(TypeSpec.Builder type, Plan plan) {
        ModelFields fields = plan.fields;
        NameAllocator names = plan.members.locals();
        String training = names.newName("enabled");
        type.addMethod(override("setTraining", TypeName.VOID)
                .addParameter(TypeName.BOOLEAN, training)
                .addStatement("this.$N = $N", fields.training(), training)
                .build());
        type.addMethod(override("isTraining", TypeName.BOOLEAN)
                .addStatement("return $N", fields.training())
                .build());
        String seed = names.newName("seed");
        MethodSpec.Builder seedDropout = override("seedDropout", TypeName.VOID).addParameter(TypeName.LONG, seed);
        if (fields.dropoutRandom().isPresent()) {
            seedDropout.addStatement("$N.reseed($N)", fields.dropoutRandom().get(), seed);
        } else {
            seedDropout.addComment("no dropout layer: nothing to seed");
        }
        type.addMethod(seedDropout.build());
    }

    private static void addForwardMethods(TypeSpec.Builder type, Plan plan) {
        addCapacity(type, plan);
        addForwardPass(type, plan);

        NameAllocator names = plan.members.locals();
        String sample = names.newName("sample");
        String offset = names.newName("offset");
        String output = names.newName("output");
        String outputOffset = names.newName("outputOffset");
        String samples = names.newName("samples");
        String batch = names.newName("batch");
        String outputs = names.newName("outputs");
        String first = names.newName("first");
        String count = names.newName("count");
        String slices = names.newName("slices");
        String slice = names.newName("slice");
        String end = names.newName("end");
        String results = names.newName("results");
        String seeds = names.newName("dropoutSeeds");
        ModelFields fields = plan.fields;

        MethodSpec.Builder forward = override("forward", FLOATS)
                .addParameter(FLOATS, sample)
                .addParameter(TypeName.INT, offset)
                .addStatement("$N($N, $N, $N, $S)", plan.requireRange, sample, offset, plan.input.size(), "input")
                .addStatement("$T.arraycopy($N, $N, $N, 0, $N)", SYSTEM, sample, offset, plan.input.values(),
                        plan.input.size())
                .addStatement("$N = 1", plan.lastBatch);
        fields.dropoutSeeds().ifPresent(field -> forward.addStatement("$N = null", field));
        forward.addStatement("$N(1)", plan.forwardPass)
                .addStatement("$T.arraycopy($N, 0, $N, 0, $N)", SYSTEM, plan.output().values(), plan.sampleOutput,
                        plan.outputSizeConstant);
        if (plan.logitsAreOutput()) {
            forward.addComment("no final softmax: the logits are the output");
        } else {
            forward.addStatement("$T.arraycopy($N, 0, $N, 0, $N)", SYSTEM, plan.logits(), plan.sampleLogits,
                    plan.outputSizeConstant);
        }
        type.addMethod(forward.addStatement("return $N", plan.sampleOutput).build());

        type.addMethod(override("forward", TypeName.VOID)
                .addParameter(FLOATS, sample)
                .addParameter(TypeName.INT, offset)
                .addParameter(FLOATS, output)
                .addParameter(TypeName.INT, outputOffset)
                .addStatement("$N($N, $N, $N, $S)", plan.requireRange, output, outputOffset,
                        plan.outputSizeConstant, "output")
                .addStatement("$T.arraycopy(forward($N, $N), 0, $N, $N, $N)", SYSTEM, sample, offset, output,
                        outputOffset, plan.outputSizeConstant)
                .build());

        type.addMethod(override("forwardBatch", TypeName.VOID)
                .addParameter(FLOATS, samples)
                .addParameter(TypeName.INT, batch)
                .addParameter(FLOATS, outputs)
                .beginControlFlow("if ($N < 0)", batch)
                .addStatement("throw new $T($S + $N)", IllegalArgumentException.class, "negative batch size: ",
                        batch)
                .endControlFlow()
                .addStatement("$N($N, 0, $N * $N, $S)", plan.requireRange, samples, batch, plan.input.size(),
                        "inputs")
                .addStatement("$N($N, 0, $N * $N, $S)", plan.requireRange, outputs, batch,
                        plan.outputSizeConstant, "outputs")
                .addComment("as few slices as $N allows, of sizes that differ by one at most: a short last slice",
                        plan.batchSlice)
                .addComment("would run a whole pass, its fixed costs included, for a few samples")
                .addStatement("int $N = ($N + $N - 1) / $N", slices, batch, plan.batchSlice, plan.batchSlice)
                .addStatement("int $N = 0", first)
                .beginControlFlow("for (int $1N = 1; $1N <= $2N; $1N++)", slice, slices)
                .addStatement("int $N = (int) ((long) $N * $N / $N)", end, batch, slice, slices)
                .addStatement("int $N = $N - $N", count, end, first)
                .addStatement("float[] $N = forwardBatch($N, $N * $N, $N, null)", results, samples, first,
                        plan.input.size(), count)
                .addStatement("$T.arraycopy($N, 0, $N, $N * $N, $N * $N)", SYSTEM, results, outputs, first,
                        plan.outputSizeConstant, count, plan.outputSizeConstant)
                .addStatement("$N = $N", first, end)
                .endControlFlow()
                .build());

        MethodSpec.Builder batchForward = override("forwardBatch", FLOATS)
                .addParameter(FLOATS, samples)
                .addParameter(TypeName.INT, offset)
                .addParameter(TypeName.INT, batch)
                .addParameter(long[].class, seeds)
                .beginControlFlow("if ($N <= 0 || $N > $T.MAX_VALUE / $N)", batch, batch, Integer.class,
                        plan.input.size())
                .addStatement("throw new $T($S + $N)", IllegalArgumentException.class,
                        plan.network.name() + ": a batch needs 1 sample or more, within an array; got ", batch)
                .endControlFlow()
                .addStatement("$N($N, $N, $N * $N, $S)", plan.requireRange, samples, offset, batch,
                        plan.input.size(), "inputs")
                .beginControlFlow("if ($N != null && $N.length < $N)", seeds, seeds, batch)
                .addStatement("throw new $T($S + $N + $S + $N.length)", IllegalArgumentException.class,
                        plan.network.name() + ": a batch of ", batch, " samples needs as many dropout seeds, got ",
                        seeds)
                .endControlFlow()
                .addStatement("$N($N)", plan.ensureCapacity, batch)
                .addStatement("$T.arraycopy($N, $N, $N, 0, $N * $N)", SYSTEM, samples, offset, plan.input.values(),
                        batch, plan.input.size())
                .addStatement("$N = $N", plan.lastBatch, batch);
        if (fields.dropoutSeeds().isPresent()) {
            FieldSpec field = fields.dropoutSeeds().get();
            batchForward.addStatement("$N = $N", field, seeds)
                    .addStatement("$N($N)", plan.forwardPass, batch)
                    .addStatement("$N = null", field);
        } else {
            batchForward.addComment("no dropout layer: the seeds are not needed")
                    .addStatement("$N($N)", plan.forwardPass, batch);
        }
        type.addMethod(batchForward.addStatement("return $N", plan.output().values()).build());

        type.addMethod(override("logits", FLOATS)
                .addStatement("return $N", plan.logitsAreOutput() ? plan.sampleOutput : plan.sampleLogits)
                .build());
        type.addMethod(override("batchLogits", FLOATS).addStatement("return $N", plan.logits()).build());
    }

    /** {@code ensureCapacity(batch)}: grows every per-sample buffer when a larger batch arrives. */
    private static void addCapacity(TypeSpec.Builder type, Plan plan) {
        NameAllocator names = plan.members.locals();
        String batch = names.newName("batch");
        MethodSpec.Builder method = MethodSpec.methodBuilder(plan.ensureCapacity)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Gives every per-sample buffer room for {@code $N} samples; allocates only when the "
                        + "batch is the largest yet.\n", batch)
                .addParameter(TypeName.INT, batch)
                .beginControlFlow("if ($N <= $N)", batch, plan.capacity)
                .addStatement("return")
                .endControlFlow()
                .addStatement("$N = $N", plan.capacity, batch);
        for (BatchBuffer buffer : plan.batchBuffers()) {
            method.addStatement("$L", buffer.grow(batch));
        }
        type.addMethod(method.build());
    }

    /** {@code forwardPass(batch)}: every forward step, in order. */
    private static void addForwardPass(TypeSpec.Builder type, Plan plan) {
        NameAllocator names = plan.members.locals();
        String batch = names.newName("batch");
        MethodSpec.Builder method = MethodSpec.methodBuilder(plan.forwardPass)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Runs the first {@code $N} samples of the input buffer through every layer; one sample "
                        + "across the team's threads when there is a team.\n", batch)
                .addParameter(TypeName.INT, batch)
                .beginControlFlow("if ($N == 1 && $N != null)", batch, plan.sharedPass.team())
                .addStatement("$N()", plan.sharedPass.pass())
                .addStatement("return")
                .endControlFlow();
        for (LayerCode code : plan.codes) {
            for (MethodSpec step : code.forwardMethods()) {
                method.addStatement("$N($N)", step, batch);
            }
        }
        type.addMethod(method.build());
    }

    private static void addBackwardMethods(TypeSpec.Builder type, Plan plan) {
        List<MethodSpec> steps = plan.backwardSteps();
        type.addMethod(backwardPass(plan, plan.backwardPass, steps,
                "Back-propagates the last forward pass's {@code $N} samples from dL/d output."));
        if (plan.endsWithSoftmax) {
            type.addMethod(backwardPass(plan, plan.backwardPassFromLogits, steps.subList(1, steps.size()),
                    "Back-propagates the last forward pass's {@code $N} samples from dL/d logits, below the "
                            + "final softmax."));
        }

        NameAllocator names = plan.members.locals();
        String gradient = names.newName("gradient");
        String offset = names.newName("offset");
        String batch = names.newName("batch");
        String fromLogitsPass = plan.endsWithSoftmax ? plan.backwardPassFromLogits : plan.backwardPass;
        FieldSpec logitsGradient = plan.endsWithSoftmax ? plan.logitsGradient() : plan.output().gradient();

        type.addMethod(sampleBackward(plan, "backward", gradient, offset, plan.output().gradient(),
                plan.backwardPass));
        type.addMethod(sampleBackward(plan, "backwardFromLogits", gradient, offset, logitsGradient, fromLogitsPass));
        type.addMethod(batchBackward(plan, "backwardBatch", gradient, offset, batch, plan.output().gradient(),
                plan.backwardPass));
        type.addMethod(batchBackward(plan, "backwardBatchFromLogits", gradient, offset, batch, logitsGradient,
                fromLogitsPass));

        type.addMethod(override("inputGradient", FLOATS)
                .addStatement("return $N", plan.sampleInputGradient)
                .build());

        String expected = names.newName("expected");
        type.addMethod(MethodSpec.methodBuilder(plan.requireBatch)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Checks that a backward pass over {@code $N} samples follows a forward pass over as "
                        + "many.\n", expected)
                .addParameter(TypeName.INT, expected)
                .beginControlFlow("if ($N == 0)", plan.lastBatch)
                .addStatement("throw new $T($S)", IllegalStateException.class,
                        plan.network.name() + ": a backward pass needs a forward pass first")
                .endControlFlow()
                .beginControlFlow("if ($N != $N)", expected, plan.lastBatch)
                .addStatement("throw new $T($S + $N + $S + $N)", IllegalStateException.class,
                        plan.network.name() + ": a backward pass over ", expected,
                        " sample(s) must follow a forward pass over as many, but the last one ran ", plan.lastBatch)
                .endControlFlow()
                .build());
    }

    private static MethodSpec backwardPass(Plan plan, String name, List<MethodSpec> steps, String javadoc) {
        NameAllocator names = plan.members.locals();
        String batch = names.newName("batch");
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(javadoc + "\n", batch)
                .addParameter(TypeName.INT, batch);
        for (MethodSpec step : steps) {
            method.addStatement("$N($N)", step, batch);
        }
        return method.build();
    }

    /** {@code backward(gradient, offset)} or {@code backwardFromLogits}: one sample, with dL/d input. */
    private static MethodSpec sampleBackward(Plan plan, String name, String gradient, String offset,
            FieldSpec into, String pass) {
        return override(name, TypeName.VOID)
                .addParameter(FLOATS, gradient)
                .addParameter(TypeName.INT, offset)
                .addStatement("$N($N, $N, $N, $S)", plan.requireRange, gradient, offset, plan.outputSizeConstant,
                        "gradient")
                .addStatement("$N(1)", plan.requireBatch)
                .addStatement("$T.arraycopy($N, $N, $N, 0, $N)", SYSTEM, gradient, offset, into,
                        plan.outputSizeConstant)
                .addStatement("$N = true", plan.fields.inputGradientWanted())
                .addStatement("$N(1)", pass)
                .addStatement("$T.arraycopy($N, 0, $N, 0, $N)", SYSTEM, plan.input.gradient(),
                        plan.sampleInputGradient, plan.input.size())
                .build();
    }

    /** {@code backwardBatch(gradients, offset, batch)} or its from-logits twin: no dL/d input. */
    private static MethodSpec batchBackward(Plan plan, String name, String gradient, String offset, String batch,
            FieldSpec into, String pass) {
        return override(name, TypeName.VOID)
                .addParameter(FLOATS, gradient)
                .addParameter(TypeName.INT, offset)
                .addParameter(TypeName.INT, batch)
                .addStatement("$N($N)", plan.requireBatch, batch)
                .addStatement("$N($N, $N, $N * $N, $S)", plan.requireRange, gradient, offset, batch,
                        plan.outputSizeConstant, "gradients")
                .addStatement("$T.arraycopy($N, $N, $N, 0, $N * $N)", SYSTEM, gradient, offset, into, batch,
                        plan.outputSizeConstant)
                .addStatement("$N = false", plan.fields.inputGradientWanted())
                .addStatement("$N($N)", pass, batch)
                .build();
    }

    private static void addDiagnostics(TypeSpec.Builder type, Plan plan) {
        MethodSpec.Builder scan = override("firstNonFiniteLayer", TypeName.INT);
        for (LayerCode code : plan.codes) {
            scan.beginControlFlow("if ($L)", code.nonFinite(plan.isFinite, plan.lastBatch.name()))
                    .addStatement("return $N", code.index())
                    .endControlFlow();
        }
        type.addMethod(scan.addStatement("return -1").build());
    }

    private static void addReplica(TypeSpec.Builder type, Plan plan) {
        NameAllocator names = plan.members.locals();
        String replica = names.newName("replica");
        MethodSpec.Builder method = override("replica", plan.model)
                .addJavadoc("A model sharing this one's parameters, with its own buffers and gradients, in the "
                        + "same mode.$L\n", plan.fields.dropoutRandom().isPresent()
                        ? " Its dropout masks come from a sequence split from this model's." : "")
                .addStatement("$1T $2N = new $1T($3N)", plan.model, replica, plan.fields.parameters())
                .addStatement("$N.$N = $N", replica, plan.fields.training(), plan.fields.training());
        plan.fields.dropoutRandom().ifPresent(random ->
                method.addStatement("$N.$N = $N.split()", replica, random, random));
        type.addMethod(method.addStatement("return $N", replica).build());
    }

    private static void addLayerPasses(TypeSpec.Builder type, Plan plan) {
        for (LayerCode code : plan.codes) {
            type.addMethods(code.forwardMethods());
            type.addMethods(code.backwardMethods());
        }
    }

    private static void addHelpers(TypeSpec.Builder type, Plan plan) {
        NameAllocator names = plan.members.locals();
        String array = names.newName("array");
        String offset = names.newName("offset");
        String length = names.newName("length");
        String what = names.newName("what");
        type.addMethod(MethodSpec.methodBuilder(plan.requireRange)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Checks that {@code $N} holds {@code $N} values from {@code $N}.\n", array, length,
                        offset)
                .addParameter(FLOATS, array)
                .addParameter(TypeName.INT, offset)
                .addParameter(TypeName.INT, length)
                .addParameter(String.class, what)
                .addStatement("$T.requireNonNull($N, $N)", OBJECTS, array, what)
                .beginControlFlow("if ($N < 0 || $N > $N.length - $N)", offset, offset, array, length)
                .addStatement("throw new $T($S + $N + $S + $N + $S + $N + $S + $N.length)",
                        IllegalArgumentException.class, plan.network.name() + ": " , what, " needs ", length,
                        " values from offset ", offset, " but its array holds ", array)
                .endControlFlow()
                .build());
        String values = names.newName("values");
        String count = names.newName("count");
        String k = names.newName("k");
        type.addMethod(MethodSpec.methodBuilder(plan.isFinite)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.BOOLEAN)
                .addJavadoc("True when the first {@code $N} of {@code $N} are all finite.\n", count, values)
                .addParameter(FLOATS, values)
                .addParameter(TypeName.INT, count)
                .beginControlFlow("for (int $1N = 0; $1N < $2N; $1N++)", k, count)
                .beginControlFlow("if (!$T.isFinite($N[$N]))", FLOAT, values, k)
                .addStatement("return false")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return true")
                .build());
    }
}
