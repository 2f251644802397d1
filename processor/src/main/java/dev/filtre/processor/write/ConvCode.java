package dev.filtre.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.Operation;
import java.util.List;

/**
 * A convolution as deep-learning frameworks define it: cross-correlation (the kernel is not
 * flipped) with zero padding, {@code y[o,i,j] = b[o] + sum w[o,c,u,v] * xpad[c, i*S+u, j*S+v]}.
 *
 * <p>Forward, weight gradient and input gradient share one loop nest: for each filter {@code o},
 * channel {@code c} and tap {@code (u, v)} of the kernel, a sweep over the output plane, innermost
 * over the output width so that the JIT can vectorize it (contiguous for stride 1). Padding is
 * never materialized: the sweep is clipped to the output rows and columns whose input pixel lies
 * inside the image, so a padded zero costs nothing. A floored layer simply has fewer output rows
 * or columns; the input it never reads gets a zero gradient.
 */
final class ConvCode extends LayerCode {
    private final Operation.Conv conv;
    private final FieldSpec kernel;
    private final FieldSpec stride;
    private final FieldSpec pad;

    ConvCode(CheckedLayer layer, Operation.Conv conv, Stage in, Stage out, ModelFields model, String prefix,
            int firstParameter, Members members) {
        super(layer, in, out, model, prefix, firstParameter, members);
        this.conv = conv;
        kernel = constant(members, "_KERNEL", CodeBlock.of("$L", conv.size()),
                "Side of " + layer.name() + "'s square filters.");
        stride = constant(members, "_STRIDE", CodeBlock.of("$L", conv.stride()),
                "Step of " + layer.name() + "'s filters.");
        pad = constant(members, "_PAD", CodeBlock.of("$L", conv.pad()),
                "Zeros added on each side of " + layer.name() + "'s input.");
    }

    @Override
    List<FieldSpec> hyperparameters() {
        return List.of(kernel, stride, pad);
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

    /** The locals of one pass, allocated once per generated method. */
    private record Locals(String o, String c, String u, String v, String i, String j, String outputPlane,
            String inputPlane, String filter, String rowStart, String rowEnd, String columnStart,
            String columnEnd, String outputRow, String inputRow) {
        static Locals allocate(NameAllocator names) {
            return new Locals(names.newName("o"), names.newName("c"), names.newName("u"), names.newName("v"),
                    names.newName("i"), names.newName("j"), names.newName("outputPlane"),
                    names.newName("inputPlane"), names.newName("filter"), names.newName("rowStart"),
                    names.newName("rowEnd"), names.newName("columnStart"), names.newName("columnEnd"),
                    names.newName("outputRow"), names.newName("inputRow"));
        }
    }

    @Override
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target) {
        Locals l = Locals.allocate(names);
        String weight = names.newName("weight");
        beginFilterLoop(code, l);
        code.addStatement("$1T.fill($2N, $3N, $3N + $4N * $5N, $6N[$7N + $8N])", ARRAYS, target, l.outputPlane,
                out.height(), out.width(), model.parameters(), biasOffset(), l.o);
        beginTapLoops(code, l);
        code.addStatement("float $N = $N[$N + $N * $N + $N]", weight, model.parameters(), l.filter, l.u, kernel,
                l.v);
        beginPixelLoops(code, l);
        code.addStatement("$N[$N + $N] += $N * $N[$L]", target, l.outputRow, l.j, weight, in.values(),
                inputIndex(l));
        endPixelLoops(code);
        endTapLoops(code);
        code.endControlFlow();
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names) {
        Locals l = Locals.allocate(names);
        String biasGradient = names.newName("biasGradient");
        String k = names.newName("k");
        String tap = names.newName("tap");
        String weight = names.newName("weight");
        String weightGradient = names.newName("weightGradient");
        FieldSpec gradient = out.gradient();
        code.addStatement("$T.fill($N, 0f)", ARRAYS, in.gradient());
        beginFilterLoop(code, l);
        code.addStatement("float $N = 0f", biasGradient);
        beginLoop(code, k, l.outputPlane, CodeBlock.of("$N + $N * $N", l.outputPlane, out.height(), out.width()));
        code.addStatement("$N += $N[$N]", biasGradient, gradient, k);
        code.endControlFlow();
        code.addStatement("$N[$N + $N] += $N", model.gradients(), biasOffset(), l.o, biasGradient);
        beginTapLoops(code, l);
        code.addStatement("int $N = $N + $N * $N + $N", tap, l.filter, l.u, kernel, l.v);
        code.addStatement("float $N = $N[$N]", weight, model.parameters(), tap);
        code.addStatement("float $N = 0f", weightGradient);
        beginPixelLoops(code, l);
        code.addStatement("$N += $N[$N + $N] * $N[$L]", weightGradient, gradient, l.outputRow, l.j, in.values(),
                inputIndex(l));
        endPixelLoops(code);
        code.addStatement("$N[$N] += $N", model.gradients(), tap, weightGradient);
        beginPixelLoops(code, l);
        code.addStatement("$N[$L] += $N * $N[$N + $N]", in.gradient(), inputIndex(l), weight, gradient,
                l.outputRow, l.j);
        endPixelLoops(code);
        endTapLoops(code);
        code.endControlFlow();
    }

    /** Opens the loop over filters and sets {@code outputPlane}, where filter {@code o}'s map starts. */
    private void beginFilterLoop(CodeBlock.Builder code, Locals l) {
        beginLoop(code, l.o, out.channels());
        code.addStatement("int $N = $N * $N * $N", l.outputPlane, l.o, out.height(), out.width());
    }

    /**
     * Opens the loops over input channels and kernel taps; sets {@code filter} (where the weights of
     * {@code (o, c)} start in the parameters) and, with padding, the output rows and columns whose
     * input pixel {@code (i*S+u-P, j*S+v-P)} lies inside the image.
     */
    private void beginTapLoops(CodeBlock.Builder code, Locals l) {
        beginLoop(code, l.c, in.channels());
        code.addStatement("int $N = $N * $N * $N", l.inputPlane, l.c, in.height(), in.width());
        code.addStatement("int $N = $N + ($N * $N + $N) * $N * $N", l.filter, weightOffset(), l.o,
                in.channels(), l.c, kernel, kernel);
        beginLoop(code, l.u, kernel);
        if (conv.pad() > 0) {
            code.add("// the output rows whose input row i * $N + u - $N lies inside the image\n", stride, pad);
            code.addStatement("int $N = $T.max(0, -$T.floorDiv($N - $N, $N))", l.rowStart, MATH, MATH, l.u, pad,
                    stride);
            code.addStatement("int $N = $T.min($N, $T.floorDiv($N - 1 - $N + $N, $N) + 1)", l.rowEnd, MATH,
                    out.height(), MATH, in.height(), l.u, pad, stride);
        }
        beginLoop(code, l.v, kernel);
        if (conv.pad() > 0) {
            code.addStatement("int $N = $T.max(0, -$T.floorDiv($N - $N, $N))", l.columnStart, MATH, MATH, l.v,
                    pad, stride);
            code.addStatement("int $N = $T.min($N, $T.floorDiv($N - 1 - $N + $N, $N) + 1)", l.columnEnd, MATH,
                    out.width(), MATH, in.width(), l.v, pad, stride);
        }
    }

    private static void endTapLoops(CodeBlock.Builder code) {
        code.endControlFlow(); // v
        code.endControlFlow(); // u
        code.endControlFlow(); // c
    }

    /**
     * Opens the sweep over the output plane for one tap; sets {@code outputRow} and {@code inputRow}
     * so that the innermost statement indexes {@code outputRow + j} and {@link #inputIndex}.
     */
    private void beginPixelLoops(CodeBlock.Builder code, Locals l) {
        if (conv.pad() > 0) {
            beginLoop(code, l.i, l.rowStart, l.rowEnd);
            code.addStatement("int $N = $N + $N * $N", l.outputRow, l.outputPlane, l.i, out.width());
            code.addStatement("int $N = $N + ($N * $N + $N - $N) * $N + $N - $N", l.inputRow, l.inputPlane, l.i,
                    stride, l.u, pad, in.width(), l.v, pad);
            beginLoop(code, l.j, l.columnStart, l.columnEnd);
        } else {
            beginLoop(code, l.i, out.height());
            code.addStatement("int $N = $N + $N * $N", l.outputRow, l.outputPlane, l.i, out.width());
            code.addStatement("int $N = $N + ($N * $N + $N) * $N + $N", l.inputRow, l.inputPlane, l.i, stride,
                    l.u, in.width(), l.v);
            beginLoop(code, l.j, out.width());
        }
    }

    private static void endPixelLoops(CodeBlock.Builder code) {
        code.endControlFlow(); // j
        code.endControlFlow(); // i
    }

    /** The input pixel under output column {@code j}: {@code inputRow + j * STRIDE} ({@code + j} for stride 1). */
    private CodeBlock inputIndex(Locals l) {
        return conv.stride() == 1
                ? CodeBlock.of("$N + $N", l.inputRow, l.j)
                : CodeBlock.of("$N + $N * $N", l.inputRow, l.j, stride);
    }
}
