package dev.filtre.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Max, average and sum pooling over square windows, per channel, without padding; a floored layer
 * leaves the last rows or columns unread (their gradient is 0).
 *
 * <p>Max pooling runs on the kernels' {@code MaxPooling} (a constant of the layer's geometry, whose
 * vector path compares and blends sixteen windows at a time, where conditional expressions compiled
 * to branches that real images mispredict): it keeps the first maximum in the window's row-major
 * order (a strict {@code >}), a NaN in a window makes its output NaN, and it records the maximum's
 * index in the input volume in an {@code int[]} buffer, so that the backward pass routes each
 * gradient to it (summing where windows overlap). After a convolution by Winograd, a 2x2 max
 * pooling moving by 2 gets its maxima from the convolution's tiles in evaluation ({@link
 * #letWinogradPool}), and makes their indices only if a backward pass follows. Average pooling
 * passes {@code g / (k*k)} to every value of the window, sum pooling {@code g}; their windows of up
 * to 16 values are written out.
 */
final class PoolCode extends LayerCode {
    private final Operation.Pool pool;
    private final FieldSpec window;
    private final FieldSpec stride;
    private final Optional<BatchBuffer> argmax;
    /** The kernels' max pooling of this layer's planes, for a max pooling. */
    private final Optional<FieldSpec> maxPooling;
    /** True when the layer before ends with a ReLU whose forward and backward steps this layer does. */
    private boolean appliesRelu;
    /** The convolution before, when it writes this layer's maxima in evaluation ({@link #letWinogradPool}), or null. */
    private ConvCode pooledBy;
    /** Windows of at most this many values are written out value by value rather than looped over. */
    private static final int UNROLLED_WINDOW_VALUES = 16;
    private static final ClassName MAX_POOLING = ClassName.get("dev.filtre.kernels", "MaxPooling");

    PoolCode(CheckedLayer layer, Operation.Pool pool, Stage in, Stage out, ModelFields model, String prefix,
            int firstParameter, Members members) {
        super(layer, in, out, model, prefix, firstParameter, members);
        this.pool = pool;
        window = constant(members, "_WINDOW", CodeBlock.of("$L", pool.size()),
                "Side of " + layer.name() + "'s square window.");
        stride = constant(members, "_STRIDE", CodeBlock.of("$L", pool.stride()),
                "Step of " + layer.name() + "'s window.");
        argmax = pool.kind() == PoolKind.MAX
                ? Optional.of(BatchBuffer.ints(members.field(layer.name() + "Argmax"), out.size()))
                : Optional.empty();
        maxPooling = pool.kind() == PoolKind.MAX
                ? Optional.of(constant(members, MAX_POOLING, "_MAX",
                        CodeBlock.of("new $T($N, $N, $N, $N)", MAX_POOLING, in.height(), in.width(), window, stride),
                        layer.name() + "'s windows over each plane, for the kernels."))
                : Optional.empty();
    }

    /**
     * When {@code previous} (this layer's input) ends with a ReLU and this is a max pooling, takes
     * over the ReLU's steps. Forward: the windows' maxima of the values before the ReLU, then the
     * ReLU on the maxima (a quarter of the values for 2x2 windows; {@code max(relu(x)) =
     * relu(max(x))}, NaN and -0.0 included). Backward: the gradient of a window goes to its maximum
     * only when the maximum (this layer's output) is positive, which is the ReLU's derivative there;
     * where the maximum is not positive no gradient passes, whichever value of the window was
     * taken. Each saves a pass over the whole volume, and gives the same values.
     */
    void absorbReluOf(LayerCode previous) {
        if (pool.kind() == PoolKind.MAX && previous.layer.activation().equals(Optional.of(Activation.RELU))) {
            previous.absorbActivationBackward();
            previous.absorbActivationForward();
            appliesRelu = true;
        }
    }

    /**
     * When {@code previous} (this layer's input) is a convolution by Winograd in evaluation and this
     * a 2x2 max pooling moving by 2 over an input whose sides are even, with no activation between
     * them (none, or a ReLU this layer {@link #absorbReluOf took over}), lets the convolution write
     * this layer's maxima in evaluation ({@link ConvCode#poolInto}); this layer's forward pass then
     * only applies that ReLU there, and a backward pass after it first makes the maxima's indices.
     */
    void letWinogradPool(LayerCode previous, Members members) {
        boolean noActivationBetween = previous.layer.activation().isEmpty() || previous.activationForwardAbsorbed();
        if (previous instanceof ConvCode conv && pool.kind() == PoolKind.MAX && pool.size() == 2 && pool.stride() == 2
                && layer.input().height() % 2 == 0 && layer.input().width() % 2 == 0 && noActivationBetween) {
            if (conv.poolInto(out, members)) {
                pooledBy = conv;
            }
        }
    }

    @Override
    List<FieldSpec> hyperparameters() {
        List<FieldSpec> constants = new ArrayList<>(List.of(window, stride));
        maxPooling.ifPresent(constants::add);
        return constants;
    }

    @Override
    List<BatchBuffer> extraBatchBuffers() {
        List<BatchBuffer> buffers = new ArrayList<>();
        argmax.ifPresent(buffers::add);
        return buffers;
    }

    /** The locals of one pass. */
    private record Locals(String c, String i, String j, String u, String v, String output, String corner) {
        static Locals allocate(NameAllocator names) {
            return new Locals(names.newName("c"), names.newName("i"), names.newName("j"), names.newName("u"),
                    names.newName("v"), names.newName("output"), names.newName("corner"));
        }
    }

    /**
     * Opens the loops over output values; sets {@code output} (its index) and {@code corner} (the
     * index in the input volume of its window's top-left value). The planes of a batch follow one
     * another, so the loop over channels runs over {@code batch} times as many planes.
     */
    private void beginWindowLoops(CodeBlock.Builder code, Locals l, String batch) {
        beginWindowLoops(code, l, CodeBlock.of("0"), CodeBlock.of("$N * $N", batch, out.channels()));
    }

    /** Opens the loops over the output values of planes {@code firstPlane .. endPlane - 1}. */
    private void beginWindowLoops(CodeBlock.Builder code, Locals l, CodeBlock firstPlane, CodeBlock endPlane) {
        beginLoop(code, l.c, firstPlane, endPlane);
        beginLoop(code, l.i, out.height());
        beginLoop(code, l.j, out.width());
        code.addStatement("int $N = ($N * $N + $N) * $N + $N", l.output, l.c, out.height(), l.i, out.width(), l.j);
        code.addStatement("int $N = ($N * $N + $N * $N) * $N + $N * $N", l.corner, l.c, in.height(), l.i, stride,
                in.width(), l.j, stride);
    }

    private static void endWindowLoops(CodeBlock.Builder code) {
        code.endControlFlow(); // j
        code.endControlFlow(); // i
        code.endControlFlow(); // c
    }

    /** Opens the loops over the window's values, row-major; the value is at {@link #windowIndex}. */
    private void beginWindow(CodeBlock.Builder code, Locals l) {
        beginLoop(code, l.u, window);
        beginLoop(code, l.v, window);
    }

    private static void endWindow(CodeBlock.Builder code) {
        code.endControlFlow(); // v
        code.endControlFlow(); // u
    }

    private CodeBlock windowIndex(Locals l) {
        return CodeBlock.of("$N + $N * $N + $N", l.corner, l.u, in.width(), l.v);
    }

    @Override
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String batch) {
        if (maxPooling.isPresent()) {
            beginUnlessPooled(code);
            code.addStatement("$N.forward($N, 0, $N * $N, $N, 0, $N, 0)", maxPooling.get(), in.values(), batch,
                    out.channels(), target, argmax.orElseThrow().field());
            endUnlessPooled(code);
            addReluOfMaxima(code, names, target, CodeBlock.of("0"), CodeBlock.of("$N * $N", batch, out.size()));
            return;
        }
        addPlanesForward(code, names, target, CodeBlock.of("0"), CodeBlock.of("$N * $N", batch, out.channels()));
    }

    @Override
    long sharedWork() {
        return (long) layer.output().size() * pool.size() * pool.size();
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
        addPlanesForward(code, names, target, CodeBlock.of("$N", first), CodeBlock.of("$N", end));
    }

    /** Pools the planes {@code firstPlane .. endPlane - 1} of the batch's planes, which follow one another. */
    private void addPlanesForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, CodeBlock firstPlane,
            CodeBlock endPlane) {
        if (maxPooling.isPresent()) {
            // the planes' windows, their outputs and the indices of their maxima
            CodeBlock outputStart = CodeBlock.of("$L * $N * $N", firstPlane, out.height(), out.width());
            beginUnlessPooled(code);
            code.addStatement("$N.forward($N, $L * $N * $N, $L - $L, $N, $L, $N, $L)", maxPooling.get(), in.values(),
                    firstPlane, in.height(), in.width(), endPlane, firstPlane, target, outputStart,
                    argmax.orElseThrow().field(), outputStart);
            endUnlessPooled(code);
            addReluOfMaxima(code, names, target, outputStart,
                    CodeBlock.of("$L * $N * $N", endPlane, out.height(), out.width()));
            return;
        }
        Locals l = Locals.allocate(names);
        beginWindowLoops(code, l, firstPlane, endPlane);
        if (pool.size() * pool.size() <= UNROLLED_WINDOW_VALUES) {
            addUnrolledWindow(code, names, l, target);
        } else {
            addWindowLoop(code, names, l, target);
        }
        endWindowLoops(code);
    }

    /** Opens {@code if (training)} when the convolution before writes the maxima in evaluation. */
    private void beginUnlessPooled(CodeBlock.Builder code) {
        if (pooledBy != null) {
            code.add("// in evaluation the convolution before wrote the maxima from its tiles\n");
            code.beginControlFlow("if ($N)", model.training());
        }
    }

    private void endUnlessPooled(CodeBlock.Builder code) {
        if (pooledBy != null) {
            code.endControlFlow();
        }
    }

    /** The ReLU of the layer before, on the maxima {@code [start, end)}, when this layer {@link #absorbReluOf} it. */
    private void addReluOfMaxima(CodeBlock.Builder code, NameAllocator names, FieldSpec target, CodeBlock start,
            CodeBlock end) {
        if (appliesRelu) {
            code.add("// the ReLU of the layer before, on the maxima of its values before it\n");
            ActivationCode.addElementwiseForward(code, names, Activation.RELU, target, target, start, end);
        }
    }

    /** The window as a loop over its rows and columns. */
    private void addWindowLoop(CodeBlock.Builder code, NameAllocator names, Locals l, FieldSpec target) {
        String sum = names.newName("sum");
        code.addStatement("float $N = 0f", sum);
        beginWindow(code, l);
        code.addStatement("$N += $N[$L]", sum, in.values(), windowIndex(l));
        endWindow(code);
        addAverage(code, l, target, sum);
    }

    /**
     * The window value by value, row-major, as the loop would visit it: the same order of additions,
     * so the same results, without the loop's bookkeeping.
     */
    private void addUnrolledWindow(CodeBlock.Builder code, NameAllocator names, Locals l, FieldSpec target) {
        int size = pool.size();
        String sum = names.newName("sum");
        CodeBlock.Builder terms = CodeBlock.builder();
        for (int u = 0; u < size; u++) {
            for (int v = 0; v < size; v++) {
                terms.add("$L$N[$L]", u == 0 && v == 0 ? "" : " + ", in.values(), windowOffset(l, u, v));
            }
        }
        code.addStatement("float $N = $L", sum, terms.build());
        addAverage(code, l, target, sum);
    }

    /** {@code corner}, {@code corner + 1}, {@code corner + IN_WIDTH + 1}: value {@code (u, v)} of the window. */
    private CodeBlock windowOffset(Locals l, int u, int v) {
        CodeBlock.Builder index = CodeBlock.builder().add("$N", l.corner);
        if (u == 1) {
            index.add(" + $N", in.width());
        } else if (u > 1) {
            index.add(" + $L * $N", u, in.width());
        }
        if (v > 0) {
            index.add(" + $L", v);
        }
        return index.build();
    }

    /** Writes the window's sum, divided by its size for an average pooling. */
    private void addAverage(CodeBlock.Builder code, Locals l, FieldSpec target, String sum) {
        if (pool.kind() == PoolKind.AVG) {
            code.addStatement("$N[$N] = $N / ($N * $N)", target, l.output, sum, window, window);
        } else {
            code.addStatement("$N[$N] = $N", target, l.output, sum);
        }
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names, String batch) {
        if (pooledBy != null) {
            code.beginControlFlow("if ($N)", pooledBy.pooled());
            code.add("// the evaluation pass wrote the maxima from the convolution's tiles, not their indices: the\n");
            code.add("// convolution's outputs again, then the windows (the same maxima, with their indices)\n");
            pooledBy.addOutputAgain(code, names, batch);
            code.addStatement("$N.forward($N, 0, $N * $N, $N, 0, $N, 0)", maxPooling.orElseThrow(), in.values(), batch,
                    out.channels(), out.values(), argmax.orElseThrow().field());
            addReluOfMaxima(code, names, out.values(), CodeBlock.of("0"), CodeBlock.of("$N * $N", batch, out.size()));
            code.endControlFlow();
        }
        beginInputGradient(code);
        if (maxPooling.isPresent()) {
            if (appliesRelu) {
                code.add("// 0 everywhere but where a window's maximum was, which gets the window's gradient, and\n");
                code.add("// through the ReLU before: only where the value taken, this output, is positive\n");
            } else {
                code.add("// 0 everywhere but where a window's maximum was, which gets the window's gradient;\n");
                code.add("// overlapping windows add up\n");
            }
            code.addStatement("$N.backwardInto($N * $N, $N, 0, $L, $N, 0, $N, 0)", maxPooling.get(), batch,
                    out.channels(), out.gradient(),
                    appliesRelu ? CodeBlock.of("$N", out.values()) : CodeBlock.of("null"),
                    argmax.orElseThrow().field(), in.gradient());
            endInputGradient(code);
            return;
        }
        code.addStatement("$T.fill($N, 0, $L, 0f)", ARRAYS, in.gradient(), in.sizeOf(batch));
        Locals l = Locals.allocate(names);
        String share = names.newName("share");
        beginWindowLoops(code, l, batch);
        if (pool.kind() == PoolKind.AVG) {
            code.addStatement("float $N = $N[$N] / ($N * $N)", share, out.gradient(), l.output, window, window);
        } else {
            code.addStatement("float $N = $N[$N]", share, out.gradient(), l.output);
        }
        beginWindow(code, l);
        code.addStatement("$N[$L] += $N", in.gradient(), windowIndex(l), share);
        endWindow(code);
        endWindowLoops(code);
        endInputGradient(code);
    }
}
