package dev.filtre.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * A convolution as deep-learning frameworks define it: cross-correlation (the kernel is not
 * flipped) with zero padding, {@code y[o,i,j] = b[o] + sum w[o,c,u,v] * xpad[c, i*S+u, j*S+v]}.
 *
 * <p>With padding, the input is first copied into the middle of a zero-bordered buffer ({@code
 * conv1Padded}, whose border is never written), so that no loop has to test for the image's edge;
 * the backward pass likewise accumulates into a padded gradient and copies its middle back. Without
 * padding these are the input and its gradient themselves.
 *
 * <p>Forward, weight gradient and input gradient share one loop nest: for each filter {@code o},
 * channel {@code c} and kernel tap {@code (u, v)}, a sweep over the output plane with the tap's
 * weight, innermost loops contiguous so that the JIT vectorizes them:
 *
 * <ul>
 *   <li>stride 1: the sweep runs over a "wide" plane as wide as the padded input, one loop of
 *       {@code (OH - 1) * Wp + OW} values in a row ({@code y[k] += w * xpad[k + u*Wp + v]}); the
 *       last {@code K - 1} columns of each wide row are computed and dropped (forward) or held at 0
 *       (backward). Output rows are copied out of the wide plane.
 *   <li>larger strides: a loop over output rows, then over output columns reading every
 *       {@code S}-th input value.
 * </ul>
 *
 * <p>A floored layer simply has fewer output rows or columns; the input it never reads gets a zero
 * gradient.
 */
final class ConvCode extends LayerCode {
    private final Operation.Conv conv;
    private final FieldSpec kernel;
    private final FieldSpec stride;
    private final FieldSpec pad;
    private final Optional<FieldSpec> paddedHeight;
    private final Optional<FieldSpec> paddedWidth;
    private final Optional<FieldSpec> sweep;
    private final Optional<FieldSpec> padded;
    private final Optional<FieldSpec> paddedGradient;
    private final Optional<FieldSpec> wide;
    private final Optional<FieldSpec> wideGradient;

    ConvCode(CheckedLayer layer, Operation.Conv conv, Stage in, Stage out, ModelFields model, String prefix,
            int firstParameter, Members members) {
        super(layer, in, out, model, prefix, firstParameter, members);
        this.conv = conv;
        String name = layer.name();
        kernel = constant(members, "_KERNEL", CodeBlock.of("$L", conv.size()),
                "Side of " + name + "'s square filters.");
        stride = constant(members, "_STRIDE", CodeBlock.of("$L", conv.stride()), "Step of " + name + "'s filters.");
        pad = constant(members, "_PAD", CodeBlock.of("$L", conv.pad()),
                "Zeros added on each side of " + name + "'s input.");
        if (conv.pad() > 0) {
            paddedHeight = Optional.of(constant(members, "_PADDED_HEIGHT",
                    CodeBlock.of("$N + 2 * $N", in.height(), pad), "Height of " + name + "'s padded input."));
            paddedWidth = Optional.of(constant(members, "_PADDED_WIDTH",
                    CodeBlock.of("$N + 2 * $N", in.width(), pad), "Width of " + name + "'s padded input."));
            CodeBlock paddedSize = CodeBlock.of("$N * $N * $N", in.channels(), paddedHeight.get(), paddedWidth.get());
            padded = Optional.of(buffer(members, name + "Padded", paddedSize));
            paddedGradient = Optional.of(buffer(members, name + "PaddedGradient", paddedSize));
        } else {
            paddedHeight = Optional.empty();
            paddedWidth = Optional.empty();
            padded = Optional.empty();
            paddedGradient = Optional.empty();
        }
        if (conv.stride() == 1) {
            sweep = Optional.of(FieldSpec.builder(TypeName.INT, members.constant(prefix + "_SWEEP"),
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("How many values of a wide plane one tap of $L sweeps: $L.", name,
                            "up to the last output column of the last row")
                    .initializer("($N - 1) * $N + $N", out.height(), sourceWidth(), out.width())
                    .build());
            wide = Optional.of(buffer(members, name + "Wide", CodeBlock.of("$N * $N", out.height(), sourceWidth())));
            wideGradient = Optional.of(buffer(members, name + "WideGradient",
                    CodeBlock.of("$N - 1 + $N * $N", kernel, out.height(), sourceWidth())));
        } else {
            sweep = Optional.empty();
            wide = Optional.empty();
            wideGradient = Optional.empty();
        }
    }

    private static FieldSpec buffer(Members members, String name, CodeBlock size) {
        return FieldSpec.builder(Stage.FLOATS, members.field(name), Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new float[$L]", size)
                .build();
    }

    @Override
    List<FieldSpec> hyperparameters() {
        List<FieldSpec> constants = new ArrayList<>(List.of(kernel, stride, pad));
        paddedHeight.ifPresent(constants::add);
        paddedWidth.ifPresent(constants::add);
        sweep.ifPresent(constants::add);
        return constants;
    }

    @Override
    List<FieldSpec> extraBuffers() {
        List<FieldSpec> buffers = new ArrayList<>();
        padded.ifPresent(buffers::add);
        paddedGradient.ifPresent(buffers::add);
        wide.ifPresent(buffers::add);
        wideGradient.ifPresent(buffers::add);
        return buffers;
    }

    @Override
    CodeBlock weightShapeArray() {
        return CodeBlock.of("new int[] {$N, $N, $N, $N}", out.channels(), in.channels(), kernel, kernel);
    }

    @Override
    CodeBlock biasShapeArray() {
        return CodeBlock.of("new int[] {$N}", out.channels());
    }

    @Override
    FieldSpec biasCount() {
        return out.channels();
    }

    @Override
    CodeBlock fanIn() {
        return CodeBlock.of("$N * $N * $N", in.channels(), kernel, kernel);
    }

    @Override
    CodeBlock fanOut() {
        return CodeBlock.of("$N * $N * $N", out.channels(), kernel, kernel);
    }

    /** What the filters read: the padded input, or the input itself without padding. */
    private FieldSpec source() {
        return padded.orElse(in.values());
    }

    private FieldSpec sourceGradient() {
        return paddedGradient.orElse(in.gradient());
    }

    private FieldSpec sourceHeight() {
        return paddedHeight.orElse(in.height());
    }

    private FieldSpec sourceWidth() {
        return paddedWidth.orElse(in.width());
    }

    /** The locals of one pass, allocated once per generated method. */
    private record Locals(String o, String c, String u, String v, String outputPlane, String filter, String source) {
        static Locals allocate(NameAllocator names) {
            return new Locals(names.newName("o"), names.newName("c"), names.newName("u"), names.newName("v"),
                    names.newName("outputPlane"), names.newName("filter"), names.newName("source"));
        }
    }

    @Override
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target) {
        padded.ifPresent(buffer -> addPadding(code, members.locals(), buffer));
        Locals l = Locals.allocate(names);
        beginFilterLoop(code, l);
        if (conv.stride() == 1) {
            addWideForward(code, names, l, target);
        } else {
            addStridedForward(code, names, l, target);
        }
        code.endControlFlow();
    }

    /**
     * Stride 1: per kernel row {@code u}, one sweep over the wide plane adds the row's {@code K}
     * taps at once ({@code y[k] += w0 x[s+k] + w1 x[s+k+1] + ...}, unrolled over the row), then the
     * output rows are copied out of it.
     */
    private void addWideForward(CodeBlock.Builder code, NameAllocator names, Locals l, FieldSpec target) {
        String k = names.newName("k");
        String i = names.newName("i");
        List<String> weights = weightNames(names);
        code.addStatement("$T.fill($N, $N[$N + $N])", ARRAYS, wide.get(), model.parameters(), biasOffset(), l.o);
        beginRowTapLoops(code, l, weights);
        code.addStatement("int $N = $L", l.source, rowSourceStart(l));
        List<CodeBlock> terms = new ArrayList<>();
        for (int v = 0; v < conv.size(); v++) {
            terms.add(CodeBlock.of("$N * $N[$N + $N$L]", weights.get(v), source(), l.source, k, plus(v)));
        }
        beginLoop(code, k, sweep.get());
        code.addStatement("$N[$N] += $L", wide.get(), k, CodeBlock.join(terms, " + "));
        code.endControlFlow();
        code.endControlFlow(); // u
        code.endControlFlow(); // c
        code.add("// the output rows, without the wide plane's last $N - 1 columns\n", kernel);
        beginLoop(code, i, out.height());
        code.addStatement("$T.arraycopy($N, $N * $N, $N, $N + $N * $N, $N)", SYSTEM, wide.get(), i, sourceWidth(),
                target, l.outputPlane, i, out.width(), out.width());
        code.endControlFlow();
    }

    /** Larger strides: per tap, a loop over output rows, then over columns reading every S-th value. */
    private void addStridedForward(CodeBlock.Builder code, NameAllocator names, Locals l, FieldSpec target) {
        String weight = names.newName("weight");
        String i = names.newName("i");
        String j = names.newName("j");
        String outputRow = names.newName("outputRow");
        String sourceRow = names.newName("sourceRow");
        code.addStatement("$1T.fill($2N, $3N, $3N + $4N * $5N, $6N[$7N + $8N])", ARRAYS, target, l.outputPlane,
                out.height(), out.width(), model.parameters(), biasOffset(), l.o);
        beginTapLoops(code, l);
        code.addStatement("float $N = $N[$N + $N * $N + $N]", weight, model.parameters(), l.filter, l.u, kernel, l.v);
        code.addStatement("int $N = $L", l.source, tapSourceStart(l));
        beginRowLoop(code, i, outputRow, sourceRow, l.outputPlane, l.source);
        beginLoop(code, j, out.width());
        code.addStatement("$N[$N + $N] += $N * $N[$N + $N * $N]", target, outputRow, j, weight, source(), sourceRow, j,
                stride);
        code.endControlFlow();
        code.endControlFlow();
        endTapLoops(code);
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names) {
        Locals l = Locals.allocate(names);
        String biasGradient = names.newName("biasGradient");
        String k = names.newName("k");
        code.addStatement("$T.fill($N, 0f)", ARRAYS, sourceGradient());
        beginFilterLoop(code, l);
        code.addStatement("float $N = 0f", biasGradient);
        beginLoop(code, k, l.outputPlane, CodeBlock.of("$N + $N * $N", l.outputPlane, out.height(), out.width()));
        code.addStatement("$N += $N[$N]", biasGradient, out.gradient(), k);
        code.endControlFlow();
        code.addStatement("$N[$N + $N] += $N", model.gradients(), biasOffset(), l.o, biasGradient);
        if (conv.stride() == 1) {
            addWideBackward(code, names, l);
        } else {
            addStridedBackward(code, names, l);
        }
        code.endControlFlow();
        paddedGradient.ifPresent(buffer -> addUnpadding(code, members.locals(), buffer));
    }

    /**
     * Stride 1: the output gradient goes into a wide plane after {@code K - 1} zeros (its unused
     * columns stay 0 too). Per kernel row, each tap's weight gradient is a dot product of that plane
     * with the input; the input gradient is one sweep adding the row's taps at once, read backwards
     * from the plane ({@code dx[s+m] += w0 g[m] + w1 g[m-1] + ...}, the zeros covering {@code m < v}),
     * so that each sweep writes every value once and vectorizes.
     */
    private void addWideBackward(CodeBlock.Builder code, NameAllocator names, Locals l) {
        String i = names.newName("i");
        String m = names.newName("m");
        List<String> weights = weightNames(names);
        int lead = conv.size() - 1;
        code.add("// the output rows into the wide plane, after $N - 1 zeros; its last $N - 1 columns stay 0\n",
                kernel, kernel);
        beginLoop(code, i, out.height());
        code.addStatement("$T.arraycopy($N, $N + $N * $N, $N, $N - 1 + $N * $N, $N)", SYSTEM, out.gradient(),
                l.outputPlane, i, out.width(), wideGradient.get(), kernel, i, sourceWidth(), out.width());
        code.endControlFlow();
        beginRowTapLoops(code, l, weights);
        code.addStatement("int $N = $L", l.source, rowSourceStart(l));
        for (int v = 0; v < conv.size(); v++) {
            code.addStatement("$N[$N + $N * $N$L] += $N($N, $N - 1, $N, $N$L, $N)", model.gradients(), l.filter,
                    l.u, kernel, plus(v), model.dot(), wideGradient.get(), kernel, source(), l.source, plus(v),
                    sweep.get());
        }
        List<CodeBlock> terms = new ArrayList<>();
        for (int v = 0; v < conv.size(); v++) {
            terms.add(CodeBlock.of("$N * $N[$N$L]", weights.get(v), wideGradient.get(), m, plus(lead - v)));
        }
        beginLoop(code, m, CodeBlock.of("$N + $N - 1", sweep.get(), kernel));
        code.addStatement("$N[$N + $N] += $L", sourceGradient(), l.source, m, CodeBlock.join(terms, " + "));
        code.endControlFlow();
        code.endControlFlow(); // u
        code.endControlFlow(); // c
    }

    /** Larger strides: per tap, a weight gradient reduced over the output, then the input gradient. */
    private void addStridedBackward(CodeBlock.Builder code, NameAllocator names, Locals l) {
        String tap = names.newName("tap");
        String weightGradient = names.newName("weightGradient");
        String i = names.newName("i");
        String j = names.newName("j");
        String outputRow = names.newName("outputRow");
        String sourceRow = names.newName("sourceRow");
        FieldSpec gradient = out.gradient();
        beginTapLoops(code, l);
        code.addStatement("int $N = $N + $N * $N + $N", tap, l.filter, l.u, kernel, l.v);
        code.addStatement("int $N = $L", l.source, tapSourceStart(l));
        code.addStatement("float $N = 0f", weightGradient);
        beginRowLoop(code, i, outputRow, sourceRow, l.outputPlane, l.source);
        beginLoop(code, j, out.width());
        code.addStatement("$N += $N[$N + $N] * $N[$N + $N * $N]", weightGradient, gradient, outputRow, j, source(),
                sourceRow, j, stride);
        code.endControlFlow();
        code.endControlFlow();
        code.addStatement("$N[$N] += $N", model.gradients(), tap, weightGradient);
        beginRowLoop(code, i, outputRow, sourceRow, l.outputPlane, l.source);
        beginLoop(code, j, out.width());
        code.addStatement("$N[$N + $N * $N] += $N[$N] * $N[$N + $N]", sourceGradient(), sourceRow, j, stride,
                model.parameters(), tap, gradient, outputRow, j);
        code.endControlFlow();
        code.endControlFlow();
        endTapLoops(code);
    }

    /** {@code weight0 ... weight<K-1>}: the locals holding one kernel row's weights. */
    private List<String> weightNames(NameAllocator names) {
        List<String> weights = new ArrayList<>();
        for (int v = 0; v < conv.size(); v++) {
            weights.add(names.newName("weight" + v));
        }
        return weights;
    }

    /** {@code ""} for 0, {@code " + 2"} for 2: an index offset known when writing. */
    private static CodeBlock plus(int offset) {
        return offset == 0 ? CodeBlock.of("") : CodeBlock.of(" + $L", offset);
    }

    /**
     * Copies the input into the middle of the padded buffer, row by row; the border stays 0. Its
     * loops close before the pass's own open, so it takes fresh names.
     */
    private void addPadding(CodeBlock.Builder code, NameAllocator names, FieldSpec buffer) {
        String c = names.newName("c");
        String h = names.newName("h");
        code.add("// the input, in the middle of a border of $N zeros that is never written\n", pad);
        beginLoop(code, c, in.channels());
        beginLoop(code, h, in.height());
        code.addStatement("$T.arraycopy($N, ($N * $N + $N) * $N, $N, ($N * $N + $N + $N) * $N + $N, $N)", SYSTEM,
                in.values(), c, in.height(), h, in.width(), buffer, c, paddedHeight.get(), h, pad, paddedWidth.get(),
                pad, in.width());
        code.endControlFlow();
        code.endControlFlow();
    }

    /** Copies the middle of the padded gradient to the input gradient; the border's is dropped. */
    private void addUnpadding(CodeBlock.Builder code, NameAllocator names, FieldSpec buffer) {
        String c = names.newName("c");
        String h = names.newName("h");
        code.add("// the input's gradient: the middle of the padded one\n");
        beginLoop(code, c, in.channels());
        beginLoop(code, h, in.height());
        code.addStatement("$T.arraycopy($N, ($N * $N + $N + $N) * $N + $N, $N, ($N * $N + $N) * $N, $N)", SYSTEM,
                buffer, c, paddedHeight.get(), h, pad, paddedWidth.get(), pad, in.gradient(), c, in.height(), h,
                in.width(), in.width());
        code.endControlFlow();
        code.endControlFlow();
    }

    /** Opens the loop over filters and sets {@code outputPlane}, where filter {@code o}'s map starts. */
    private void beginFilterLoop(CodeBlock.Builder code, Locals l) {
        beginLoop(code, l.o, out.channels());
        code.addStatement("int $N = $N * $N * $N", l.outputPlane, l.o, out.height(), out.width());
    }

    /**
     * Opens the loops over input channels and kernel rows and loads the row's weights; sets {@code
     * filter}, where the weights of {@code (o, c)} start in the parameters.
     */
    private void beginRowTapLoops(CodeBlock.Builder code, Locals l, List<String> weights) {
        beginLoop(code, l.c, in.channels());
        addFilterStart(code, l);
        beginLoop(code, l.u, kernel);
        for (int v = 0; v < weights.size(); v++) {
            code.addStatement("float $N = $N[$N + $N * $N$L]", weights.get(v), model.parameters(), l.filter, l.u,
                    kernel, plus(v));
        }
    }

    /** Opens the loops over input channels and kernel taps; sets {@code filter}. */
    private void beginTapLoops(CodeBlock.Builder code, Locals l) {
        beginLoop(code, l.c, in.channels());
        addFilterStart(code, l);
        beginLoop(code, l.u, kernel);
        beginLoop(code, l.v, kernel);
    }

    private static void endTapLoops(CodeBlock.Builder code) {
        code.endControlFlow(); // v
        code.endControlFlow(); // u
        code.endControlFlow(); // c
    }

    private void addFilterStart(CodeBlock.Builder code, Locals l) {
        code.addStatement("int $N = $N + ($N * $N + $N) * $N * $N", l.filter, weightOffset(), l.o, in.channels(),
                l.c, kernel, kernel);
    }

    /** Where kernel row {@code u} of channel {@code c} reads for output {@code (0, 0)}. */
    private CodeBlock rowSourceStart(Locals l) {
        return CodeBlock.of("($N * $N + $N) * $N", l.c, sourceHeight(), l.u, sourceWidth());
    }

    /** Where tap {@code (u, v)} of channel {@code c} reads for output {@code (0, 0)}. */
    private CodeBlock tapSourceStart(Locals l) {
        return CodeBlock.of("($N * $N + $N) * $N + $N", l.c, sourceHeight(), l.u, sourceWidth(), l.v);
    }

    /** Opens the loop over output rows of a strided sweep, with the row's output and source starts. */
    private void beginRowLoop(CodeBlock.Builder code, String i, String outputRow, String sourceRow,
            String outputPlane, String source) {
        beginLoop(code, i, out.height());
        code.addStatement("int $N = $N + $N * $N", outputRow, outputPlane, i, out.width());
        code.addStatement("int $N = $N + $N * $N * $N", sourceRow, source, i, stride, sourceWidth());
    }
}
