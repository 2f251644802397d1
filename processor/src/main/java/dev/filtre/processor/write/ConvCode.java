package dev.filtre.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.Operation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A convolution as deep-learning frameworks define it: cross-correlation (the kernel is not
 * flipped) with zero padding, {@code y[o,i,j] = b[o] + sum w[o,c,u,v] * x[c, i*S+u-P, j*S+v-P]},
 * written as matrix multiplies on the kernels of {@code dev.filtre.kernels}, a chunk of samples at a
 * time.
 *
 * <p>The forward pass unfolds each sample's input ({@code Im2col.unfold}) into {@code
 * conv1Columns}: for a chunk of {@code CONV1_CHUNK} samples, one {@code [C·K·K][chunk·H'·W']}
 * matrix whose column {@code (s, i, j)} is what window {@code (i, j)} of sample {@code s} sees,
 * zeros in the padding. The chunk's output, {@code [F][chunk·H'·W']}, is the bias plus {@code
 * W[F][C·K·K] × columns} ({@code Sgemm.multiplyAdd}): one multiply for the chunk, wide enough to
 * keep the multiply's registers busy, small enough to stay in the cache; it is then copied sample
 * by sample into the output volume. In training the unfolded chunks of a batch small enough to
 * stay in the cache ({@link #KEPT_VALUES}) are kept for the backward pass, which per chunk gathers
 * {@code dY} the same way, adds its row sums to the bias gradient ({@code Gemv.addRowSums}) and
 * {@code dY × columnsᵀ} to the weight gradient, and, unless this is the first layer of a training
 * pass, computes the unfolded input gradient {@code Wᵀ × dY} and folds it back onto each sample's
 * input ({@code Im2col.foldAdd}). Strides, padding and floored output sizes are all the
 * unfolding's business.
 *
 * <p>Every forward pass of the layers that {@link #convolvesAlongRows} or {@link
 * #convolvesInBlocksOfTen} skips the unfolding: {@code
 * DirectConvolution} reads the windows off a zero-padded copy of the input, with the same bits.
 * Every forward pass (one sample, a batch, a thread's share; in training and in evaluation) through
 * a layer that {@link #convolvesByWinograd} computes each sample with {@code WinogradConvolution},
 * F(2x2, 3x3): 2.25 times fewer multiply-adds, the unfolded multiply's values up to rounding, not its
 * bits. Neither keeps anything for a backward pass: a layer convolved along rows has {@code
 * DirectConvolution.addWeightGradient} make its weight gradient, a Winograd layer {@code
 * WinogradWeightGradient} (the transformed output gradient times the transformed input, summed over
 * the tiles and transformed back), and its input gradient by Winograd too when {@link
 * #inputGradientByWinograd} ({@code WinogradInputGradient}: the output gradient convolved with the
 * filters turned half a turn); without an unfolded input, its transpose, nor the unfolded gradient
 * and its folding. FashionNet's conv2 backward: 122-156 µs an image against 175-186 unfolded. When a 2x2 max
 * pooling moving by 2 follows a Winograd layer over even sides ({@link #poolInto}), a pass in
 * evaluation writes the pooling's maxima straight from the tiles instead of this layer's output.
 */
final class ConvCode extends LayerCode {
    private static final ClassName CONV_GEOMETRY = ClassName.get("dev.filtre.kernels", "ConvGeometry");
    private static final ClassName IM2COL = ClassName.get("dev.filtre.kernels", "Im2col");
    private static final ClassName SGEMM = ClassName.get("dev.filtre.kernels", "Sgemm");
    private static final ClassName GEMV = ClassName.get("dev.filtre.kernels", "Gemv");
    private static final ClassName DIRECT_CONVOLUTION = ClassName.get("dev.filtre.kernels", "DirectConvolution");
    private static final ClassName WINOGRAD_CONVOLUTION = ClassName.get("dev.filtre.kernels", "WinogradConvolution");
    private static final ClassName WINOGRAD_INPUT_GRADIENT = ClassName.get("dev.filtre.kernels",
            "WinogradInputGradient");
    private static final ClassName WINOGRAD_WEIGHT_GRADIENT = ClassName.get("dev.filtre.kernels",
            "WinogradWeightGradient");
    /** The unfolded chunk a multiply works on is kept under this many values (1 MiB of floats: an L2 cache). */
    static final int CHUNK_VALUES = 1 << 18;
    /** No more samples than this in a chunk, however small the layer. */
    static final int MAX_CHUNK = 64;
    /**
     * A training batch whose unfolded input is at most this many values (512 KiB of floats, half a
     * core's L2 cache) keeps it for the backward pass; a larger one unfolds each chunk again there,
     * which costs less than reading it back from further out. At 4 MiB, LeNet-5's replicas of 32
     * samples kept their 1.9 and 2.5 MB of unfolded inputs, written out to the shared L3 and read
     * back: its two-thread training ran at 23.7-28.4K images/s against 25.3-30.7K unfolding again
     * (seven alternating rounds each, median 26.5K against 28.5K); FashionNet's, level.
     */
    static final long KEPT_VALUES = 1L << 17;
    /** A chunk's multiply is this many columns wide, or more, when it can be. */
    static final int CHUNK_COLUMNS = 768;

    private final FieldSpec kernel;
    private final FieldSpec stride;
    private final FieldSpec pad;
    private final FieldSpec patch;
    private final FieldSpec pixels;
    private final FieldSpec chunk;
    private final FieldSpec keptSamples;
    private final FieldSpec geometry;
    /** The unfolded input, whether it is kept, and the team's: a layer that {@link #unfoldsInForward} only, else null. */
    private final FieldSpec columns;
    private final FieldSpec columnsKept;
    /** The matrices the team's other threads unfold one sample into, {@code [thread][patch·pixels]}. */
    private final FieldSpec teamColumns;
    private final FieldSpec columnsGradient;
    private final FieldSpec product;
    private final FieldSpec productGradient;
    /**
     * The convolution of one sample from its padded input, when this layer {@link
     * #convolvesByWinograd}, {@link #convolvesAlongRows} or {@link #convolvesInBlocksOfTen}; else null.
     */
    private final FieldSpec direct;
    /**
     * Whether every forward pass of this layer convolves directly ({@link #convolvesAlongRows} or
     * {@link #convolvesInBlocksOfTen}).
     */
    private final boolean directly;
    /** Whether every forward pass of this layer goes by Winograd ({@link #convolvesByWinograd}). */
    private final boolean byWinograd;
    /** The weight gradient by Winograd, when {@link #byWinograd}; else null. */
    private final FieldSpec winogradWeightGradient;
    /** The input gradient by Winograd, when {@link #inputGradientByWinograd}; else null. */
    private final FieldSpec winogradInputGradient;
    /**
     * Whether the backward pass goes through the output gradient a chunk of samples at a time (for
     * an unfolded weight gradient, input gradient, or both); not for a layer whose gradients both go
     * by Winograd.
     */
    private final boolean backwardChunks;
    /** The direct convolution of each thread of the team but the caller (which uses {@link #direct}), or null. */
    private final FieldSpec teamDirect;
    /** The class of {@link #direct}: {@code DirectConvolution} or {@code WinogradConvolution}. */
    private final ClassName directType;
    private final int chunkSamples;
    /** The output of the max pooling after this layer, whose maxima it writes in evaluation ({@link #poolInto}), or null. */
    private Stage pooling;
    /**
     * {@code conv1Pooled}: whether the last forward pass wrote the next layer's maxima straight from
     * this layer's tiles, leaving this layer's output as it was; null unless {@link #poolInto}.
     */
    private FieldSpec pooled;


    ConvCode(CheckedLayer layer, Operation.Conv conv, Stage in, Stage out, ModelFields model, String prefix,
            int firstParameter, Members members, boolean fastPaths) {
        super(layer, in, out, model, prefix, firstParameter, members);
        String name = layer.name();
        int windowValues = layer.input().channels() * conv.size() * conv.size();
        directly = convolvesAlongRows(conv.stride(), windowValues, layer.output().width())
                || fastPaths && convolvesInBlocksOfTen(conv.size(), conv.stride(), layer.output().width(),
                        layer.output().channels());
        byWinograd = fastPaths && !directly
                && convolvesByWinograd(conv.size(), conv.stride(), windowValues, layer.output().channels());
        boolean inputGradientByWinograd = byWinograd
                && inputGradientByWinograd(conv.pad(), layer.input().channels(), layer.output().channels());
        backwardChunks = !inputGradientByWinograd;
        kernel = constant(members, "_KERNEL", CodeBlock.of("$L", conv.size()),
                "Side of " + name + "'s square filters.");
        stride = constant(members, "_STRIDE", CodeBlock.of("$L", conv.stride()), "Step of " + name + "'s filters.");
        pad = constant(members, "_PAD", CodeBlock.of("$L", conv.pad()),
                "Zeros added on each side of " + name + "'s input.");
        patch = constant(members, "_PATCH", CodeBlock.of("$N * $N * $N", in.channels(), kernel, kernel),
                "Values one of " + name + "'s windows covers: the rows of its unfolded input.");
        pixels = constant(members, "_PIXELS", CodeBlock.of("$N * $N", out.height(), out.width()),
                "Positions of " + name + "'s output: the columns of one sample's unfolded input.");
        chunkSamples = chunkSamples(layer.input().channels() * conv.size() * conv.size(),
                layer.output().height() * layer.output().width(), layer.output().channels());
        chunk = constant(members, "_CHUNK", CodeBlock.of("$L", chunkSamples),
                "Samples " + name + " unfolds and multiplies at once: as many as keep the unfolded chunk in "
                        + "the cache.");
        long unfoldedPerSample = (long) layer.input().channels() * conv.size() * conv.size()
                * layer.output().height() * layer.output().width();
        keptSamples = unfoldsInForward() ? constant(members, "_KEPT_SAMPLES",
                CodeBlock.of("$L", Math.max(chunkSamples, Math.min(Integer.MAX_VALUE, KEPT_VALUES / unfoldedPerSample))),
                "The largest training batch whose unfolded input " + name + " keeps for the backward pass "
                        + "(a larger one unfolds again there).") : null;
        geometry = constant(members, CONV_GEOMETRY, "_GEOMETRY",
                CodeBlock.of("new $T($N, $N, $N, $N, $N, $N)", CONV_GEOMETRY, in.channels(), in.height(), in.width(),
                        kernel, stride, pad),
                name + "'s input and window, for the kernels.");
        if (unfoldsInForward()) {
            columns = FieldSpec.builder(Stage.FLOATS, members.field(name + "Columns"), Modifier.PRIVATE)
                    .addJavadoc("$L's unfolded input, a chunk of samples side by side; in training, every chunk of a "
                            + "batch of up to {@code $N} samples, one after another.\n", name, keptSamples)
                    .initializer("new float[$N * $N * $N]", chunk, patch, pixels)
                    .build();
            columnsKept = FieldSpec.builder(TypeName.BOOLEAN, members.field(name + "ColumnsKept"), Modifier.PRIVATE)
                    .addJavadoc("Whether {@code $N} holds every chunk of the last forward pass.\n", columns)
                    .build();
            teamColumns = FieldSpec.builder(float[][].class, members.field(name + "TeamColumns"), Modifier.PRIVATE)
                    .addJavadoc("The unfolded sample of each thread of the team but the caller (which uses "
                            + "{@code $N}), for a one-sample pass split across threads.\n", columns)
                    .initializer("new float[0][]")
                    .build();
        } else {
            // a layer along rows or by Winograd never unfolds its input
            columns = null;
            columnsKept = null;
            teamColumns = null;
        }
        columnsGradient = chunkBuffer(members, name + "ColumnsGradient", CodeBlock.of("$N * $N", patch, pixels),
                "dL/d " + name + "'s unfolded input for one chunk; scratch for the weight gradient before.");
        product = chunkSamples > 1 && unfoldsInForward()
                ? chunkBuffer(members, name + "Product", CodeBlock.of("$N", out.size()),
                        name + "'s output for one chunk, [filters][chunk·pixels], before it goes sample by sample.")
                : null;
        productGradient = chunkSamples > 1
                ? chunkBuffer(members, name + "ProductGradient", CodeBlock.of("$N", out.size()),
                        "dL/d " + name + "'s output for one chunk, [filters][chunk·pixels], its samples side by side.")
                : null;
        if (directly || byWinograd) {
            directType = directly ? DIRECT_CONVOLUTION : WINOGRAD_CONVOLUTION;
            String kind = directly ? "Direct" : "Winograd";
            direct = FieldSpec.builder(directType, members.field(name + kind), Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc(directly ? "$L's forward pass and weight gradient, without unfolding its input.\n"
                            : "$L's forward pass, by Winograd's F(2x2, 3x3).\n", name)
                    .initializer("new $T($N, $N)", directType, geometry, out.channels())
                    .build();
            teamDirect = FieldSpec.builder(ArrayTypeName.of(directType), members.field(name + "Team" + kind),
                            Modifier.PRIVATE)
                    .addJavadoc("{@code $N} of each thread of the team but the caller, which uses that one.\n",
                            direct)
                    .initializer("new $T[0]", directType)
                    .build();
        } else {
            directType = null;
            direct = null;
            teamDirect = null;
        }
        winogradWeightGradient = byWinograd
                ? winogradGradient(members, WINOGRAD_WEIGHT_GRADIENT, "WinogradWeightGradient", "weight") : null;
        winogradInputGradient = inputGradientByWinograd
                ? winogradGradient(members, WINOGRAD_INPUT_GRADIENT, "WinogradInputGradient", "input") : null;
    }

    /** {@code conv2WinogradWeightGradient}: a kernel object of {@code type} for one of this layer's gradients. */
    private FieldSpec winogradGradient(Members members, ClassName type, String suffix, String gradient) {
        return FieldSpec.builder(type, members.field(layer.name() + suffix), Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("$L's $L gradient, by Winograd's F(2x2, 3x3).\n", layer.name(), gradient)
                .initializer("new $T($N, $N)", type, geometry, out.channels())
                .build();
    }

    /** Whether a forward pass unfolds this layer's input and multiplies (neither along rows nor by Winograd). */
    private boolean unfoldsInForward() {
        return !directly && !byWinograd;
    }

    /**
     * Whether every forward pass convolves each sample by Winograd's F(2x2, 3x3) ({@code
     * WinogradConvolution}) rather than unfolding the input: a 3x3 window moving by 1, over a window
     * of at least as many values as there are filters (the input's transform is paid once for all
     * the filters), and filters in whole pairs of 16-lane vectors, halves included, the vector
     * kernels' blocks. FashionNet's conv2 (288 values, 64 filters): 53-57 µs an image on one thread
     * against 73-74 for the direct convolution (its earlier one-image path) and 79-80 unfolded; half
     * its filters, a thread's share, 29.5-32 against 37-39; in batch slices of ten images 67-68 µs an
     * image against 82-92 unfolded and multiplied ten at a time; in training, weights changed every
     * 30 images, 62-72 µs against 83-92 unfolded three at a time. Its conv1 (9 values, 32 filters)
     * goes along rows.
     */
    static boolean convolvesByWinograd(int kernel, int stride, int patch, int filters) {
        return kernel == 3 && stride == 1 && filters % 32 == 0 && patch >= filters;
    }

    /**
     * Whether a layer that {@link #convolvesByWinograd} computes its input gradient by Winograd too
     * ({@code WinogradInputGradient}): a convolution of the output gradient with {@code channels}
     * filters turned half a turn, over windows of {@code filters·9} values, which the rule above must
     * take, and at most 2 zeros of padding (with more, the input has values no window sees).
     * FashionNet's conv2 (32 channels, 64 filters): 62-77 µs an image against 82-97 for {@code Wᵀ ×
     * dY} three images at a time and its folding.
     */
    static boolean inputGradientByWinograd(int pad, int channels, int filters) {
        return pad <= 2 && convolvesByWinograd(3, 1, filters * 9, channels);
    }

    /**
     * Makes a pass in evaluation write the maxima of the 2x2 max pooling moving by 2 that follows
     * this layer ({@code WinogradConvolution.forwardPooled}: each output tile is a window) instead of
     * this layer's output, when this layer {@link #convolvesByWinograd}; says whether it does. The
     * maxima are the pooling's values; their indices, which only a backward pass reads, the pooling
     * makes then ({@link #addOutputAgain}). FashionNet's conv2 and pool2 on one thread's half: 3.9-5.0
     * µs after the products against 8.0-10.2 for the outputs, their transpose and the pooling. The
     * caller checks the rest: a max pooling, 2x2 moving by 2, over an output whose sides are even,
     * with no activation between them.
     */
    boolean poolInto(Stage next, Members members) {
        if (!byWinograd) {
            return false;
        }
        pooling = next;
        pooled = FieldSpec.builder(TypeName.BOOLEAN, members.field(layer.name() + "Pooled"), Modifier.PRIVATE)
                .addJavadoc("Whether the last forward pass (in evaluation) wrote {@code $N}'s maxima straight from "
                        + "$L's tiles, leaving {@code $N} and the maxima's indices as they were.\n", next.values(),
                        layer.name(), out.values())
                .build();
        return true;
    }

    /** {@code conv1Pooled} ({@link #poolInto}). */
    FieldSpec pooled() {
        return pooled;
    }

    /**
     * For the pooling's backward pass after a pass that {@link #poolInto pooled} this layer: this
     * layer's outputs of the last batch again by Winograd (the bits the pooled
     * pass compared), so that the pooling can take their maxima and indices.
     */
    void addOutputAgain(CodeBlock.Builder code, NameAllocator names, String batch) {
        code.addStatement("$N.forwardSamples($N, 0, $N, $N, $N, $N, $N, $N, 0)", direct, in.values(), batch,
                model.parameters(), weightOffset(), model.parameters(), biasOffset(), out.values());
        code.addStatement("$N = false", pooled);
    }

    /**
     * Whether every forward pass convolves each sample straight from a padded copy of its input
     * ({@code DirectConvolution}, whose vector kernel then takes vectors along the output rows): a
     * window moving by 1 over output rows of 16 to 32 positions (one or two 16-lane vectors), and
     * at most 32 values in a window, where the unfolded multiply's inner dimension is short and the
     * unfolding writes as many values as the multiply reads. LeNet-5's conv1 (25 values, rows of
     * 28): 2.9-3.1 µs a sample against 3.9-4.6; FashionNet's conv1 (9 values): 6.6-7.0 against
     * 6.6-7.5, level. The backward pass hands the weight gradient to {@code
     * DirectConvolution.addWeightGradient}, which sums it along the same rows when the vector kernels
     * take the window (16 values or more; LeNet-5's conv1: 3.6-5.2 µs a sample against 6.0-7.3 for
     * unfolding again and multiplying), else unfolds each sample into a buffer of its own and
     * multiplies; the input gradient, when wanted, needs only the weights and the output gradient.
     */
    static boolean convolvesAlongRows(int stride, int patch, int outputWidth) {
        return stride == 1 && outputWidth >= 16 && outputWidth <= 32 && patch <= 32;
    }

    /**
     * Whether every forward pass convolves each sample straight from a padded copy of its input
     * ({@code DirectConvolution}) with the vector kernels' blocks of ten positions ({@code
     * VectorFiveByFive}): a 5x5 window moving by 1 over output rows of 10 positions or more, filters
     * in whole 16-lane vectors. A block broadcasts each input value its positions' windows see once
     * per window row, against once per multiply-add in the unfolded multiply's kernel; its weight
     * gradient too, summed over all the samples in registers; the input gradient is still {@code Wᵀ ×
     * dY} and its folding, which needs no unfolded input. Nothing is unfolded, kept or unfolded
     * again. LeNet-5's conv2 (6 channels of 14x14, 16 filters): forward 4.2 µs a sample in the
     * kernel against 9 unfolding and multiplying eight samples at a time.
     */
    static boolean convolvesInBlocksOfTen(int kernel, int stride, int outputWidth, int filters) {
        return kernel == 5 && stride == 1 && outputWidth >= 10 && filters % 16 == 0;
    }

    /**
     * How many samples to unfold and multiply at once: enough for {@link #CHUNK_COLUMNS} columns,
     * which keep the multiply's vector registers busy (one sample when its output alone is that
     * wide), no more than keep the unfolded chunk and its output within {@link #CHUNK_VALUES}.
     */
    static int chunkSamples(long patch, long pixels, long filters) {
        long wideEnough = (CHUNK_COLUMNS + pixels - 1) / pixels;
        long fitting = CHUNK_VALUES / ((patch + filters) * pixels);
        return (int) Math.max(1, Math.min(MAX_CHUNK, Math.min(wideEnough, fitting)));
    }

    private FieldSpec chunkBuffer(Members members, String name, CodeBlock perSample, String javadoc) {
        return FieldSpec.builder(Stage.FLOATS, members.field(name), Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("$L\n", javadoc)
                .initializer("new float[$N * $L]", chunk, perSample)
                .build();
    }

    @Override
    List<FieldSpec> hyperparameters() {
        List<FieldSpec> constants = new ArrayList<>(List.of(kernel, stride, pad, patch, pixels));
        if (backwardChunks) {
            constants.add(chunk);
        }
        if (keptSamples != null) {
            constants.add(keptSamples);
        }
        constants.add(geometry);
        return constants;
    }

    @Override
    List<FieldSpec> fixedBuffers() {
        // a layer convolved along rows or by Winograd never unfolds its input: at most the input gradient's
        // columns, when it is not by Winograd
        List<FieldSpec> buffers = new ArrayList<>();
        if (unfoldsInForward()) {
            buffers.addAll(List.of(columns, columnsKept));
        }
        if (backwardChunks) {
            buffers.add(columnsGradient);
        }
        if (product != null) {
            buffers.add(product);
        }
        if (productGradient != null && backwardChunks) {
            buffers.add(productGradient);
        }
        if (direct != null) {
            buffers.add(direct);
        }
        if (winogradWeightGradient != null) {
            buffers.add(winogradWeightGradient);
        }
        if (winogradInputGradient != null) {
            buffers.add(winogradInputGradient);
        }
        if (pooled != null) {
            buffers.add(pooled);
        }
        return buffers;
    }

    @Override
    long sharedWork() {
        return (long) layer.weightCount() * layer.output().height() * layer.output().width();
    }

    @Override
    boolean splitByChannel() {
        return true;
    }

    @Override
    FieldSpec shares() {
        return out.channels();
    }

    @Override
    CodeBlock shareStart(String share) {
        return CodeBlock.of("$N * $N", share, pixels);
    }

    @Override
    String shareName() {
        return "filters";
    }

    /**
     * Each thread unfolds the whole sample into a matrix of its own (the caller into {@code
     * conv1Columns}, which a backward pass then reads), then multiplies its share of the filters:
     * unfolding again is cheaper than reading rows another core wrote (each of their cache lines
     * crosses between cores, about 60 ns apiece on a virtual machine whose two cores sit on
     * different dies). A layer that {@link #convolvesByWinograd} convolves instead, each thread with
     * a {@code WinogradConvolution} of its own (in evaluation, straight into the pooling after it
     * when {@link #poolInto}); one that {@link #convolvesAlongRows} too, each thread with a {@code
     * DirectConvolution}.
     */
    @Override
    void addSharedForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String part,
            String first, String end) {
        String matrix = names.newName("matrix");
        String o = names.newName("o");
        FieldSpec parameters = model.parameters();
        if (direct != null) {
            CodeBlock convolution = CodeBlock.of("($N == 0 ? $N : $N[$N])", part, direct, teamDirect, part);
            if (pooled != null) {
                code.beginControlFlow("if (!$N)", model.training());
                addSetPooled(code, part, true);
                code.add("// evaluation: the next layer's windows are the tiles: their maxima straight into it\n");
                code.addStatement("$L.forwardPooled($N, 0, $N, $N, $N, $N, $N, $N, $N, 0)", convolution, in.values(),
                        parameters, weightOffset(), parameters, biasOffset(), first, end, pooling.values());
                code.nextControlFlow("else");
                addSetPooled(code, part, false);
            }
            code.addStatement("$L.forward($N, 0, $N, $N, $N, $N, $N, $N, $N, 0)", convolution, in.values(), parameters,
                    weightOffset(), parameters, biasOffset(), first, end, target);
            if (pooled != null) {
                code.endControlFlow();
            }
            return;
        }
        code.addStatement("float[] $N = $N == 0 ? $N : $N[$N]", matrix, part, columns, teamColumns, part);
        code.beginControlFlow("if ($N == 0)", part);
        code.add("// the one sample's unfolded input stays for a backward pass, as in the pass on one thread\n");
        code.addStatement("$N = true", columnsKept);
        code.endControlFlow();
        code.addStatement("$T.unfold($N, $N, 0, $N, 0)", IM2COL, geometry, in.values(), matrix);
        beginLoop(code, o, first, end);
        code.addStatement("$T.fill($N, $N * $N, ($N + 1) * $N, $N[$N + $N])", ARRAYS, target, o, pixels, o, pixels,
                parameters, biasOffset(), o);
        code.endControlFlow();
        code.addStatement("$T.multiplyAdd($N - $N, $N, $N, $N, $N + $N * $N, $N, 0, $N, $N * $N)", SGEMM, end, first,
                patch, pixels, parameters, weightOffset(), first, patch, matrix, target, first, pixels);
    }

    /** {@code if (part == 0) conv1Pooled = value;}: the caller's thread says which output the pass wrote. */
    private void addSetPooled(CodeBlock.Builder code, String part, boolean value) {
        code.beginControlFlow("if ($N == 0)", part);
        code.addStatement("$N = $L", pooled, value);
        code.endControlFlow();
    }

    /** The team's unfolded samples, or its convolutions when the layer goes along rows or by Winograd. */
    @Override
    List<FieldSpec> teamBuffers() {
        return direct == null ? List.of(teamColumns) : List.of(teamDirect);
    }

    @Override
    CodeBlock teamBufferAllocation(NameAllocator names, String threads) {
        String part = names.newName("part");
        CodeBlock.Builder code = CodeBlock.builder();
        if (direct == null) {
            code.addStatement("$N = new float[$N][]", teamColumns, threads);
        }
        if (direct != null) {
            code.addStatement("$N = new $T[$N]", teamDirect, directType, threads);
        }
        code.beginControlFlow("for (int $1N = 1; $1N < $2N; $1N++)", part, threads);
        if (direct == null) {
            code.addStatement("$N[$N] = new float[$N * $N]", teamColumns, part, patch, pixels);
        }
        if (direct != null) {
            code.addStatement("$N[$N] = new $T($N, $N)", teamDirect, part, directType, geometry,
                    out.channels());
        }
        return code.endControlFlow().build();
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

    /** The locals of a loop over chunks. */
    private record Chunk(String first, String count, String width, String base, String s) {
        static Chunk allocate(NameAllocator names) {
            return new Chunk(names.newName("first"), names.newName("count"), names.newName("width"),
                    names.newName("base"), names.newName("s"));
        }
    }

    /**
     * Opens {@code for (first = 0; first < batch; first += CHUNK)} and sets {@code count} (the
     * chunk's samples), {@code width} (its columns) and {@code base} (where its unfolded input is).
     */
    private void beginChunks(CodeBlock.Builder code, Chunk c, String batch) {
        code.beginControlFlow("for (int $1N = 0; $1N < $2N; $1N += $3N)", c.first, batch, chunk);
        code.addStatement("int $N = $T.min($N, $N - $N)", c.count, MATH, chunk, batch, c.first);
        code.addStatement("int $N = $N * $N", c.width, c.count, pixels);
        if (unfoldsInForward()) {
            code.addStatement("int $N = $N ? $N * $N * $N : 0", c.base, columnsKept, c.first, patch, pixels);
        }
    }

    private void addUnfold(CodeBlock.Builder code, Chunk c) {
        beginLoop(code, c.s, c.count);
        code.addStatement("$T.unfold($N, $N, ($N + $N) * $N, $N, $N + $N * $N, $N)", IM2COL, geometry, in.values(),
                c.first, c.s, in.size(), columns, c.base, c.s, pixels, c.width);
        code.endControlFlow();
    }

    @Override
    void addForward(CodeBlock.Builder code, NameAllocator names, FieldSpec target, String batch) {
        String kept = names.newName("keep");
        String o = names.newName("o");
        String start = names.newName("start");
        Chunk c = Chunk.allocate(names);
        String needed = names.newName("needed");
        if (directly) {
            code.add("// each sample straight from its padded input, which the backward pass reads too\n");
            beginLoop(code, c.s, batch);
            code.addStatement("$N.forward($N, $N * $N, $N, $N, $N, $N, 0, $N, $N, $N * $N)", direct, in.values(), c.s,
                    in.size(), model.parameters(), weightOffset(), model.parameters(), biasOffset(), out.channels(),
                    target, c.s, out.size());
            code.endControlFlow();
            return;
        }
        if (byWinograd) {
            if (pooled != null) {
                code.beginControlFlow("if (!$N)", model.training());
                code.add("// evaluation: the next layer's windows are the tiles: their maxima straight into it\n");
                beginLoop(code, c.s, batch);
                code.addStatement("$N.forwardPooled($N, $N * $N, $N, $N, $N, $N, 0, $N, $N, $N * $N)", direct,
                        in.values(), c.s, in.size(), model.parameters(), weightOffset(), model.parameters(),
                        biasOffset(), out.channels(), pooling.values(), c.s, pooling.size());
                code.endControlFlow();
                code.addStatement("$N = true", pooled);
                code.addStatement("return");
                code.endControlFlow();
                code.addStatement("$N = false", pooled);
            }
            code.add("// sample by sample by Winograd's F(2x2, 3x3); a backward pass unfolds the input for the weight "
                    + "gradient\n");
            code.addStatement("$N.forwardSamples($N, 0, $N, $N, $N, $N, $N, $N, 0)", direct, in.values(), batch,
                    model.parameters(), weightOffset(), model.parameters(), biasOffset(), target);
            return;
        }
        code.add("// one chunk, or a training batch small enough, keeps its unfolded input for the backward pass\n");
        code.addStatement("boolean $N = $N <= $N || $N && $N <= $N", kept, batch, chunk, model.training(), batch,
                keptSamples);
        code.addStatement("int $N = ($N ? $N : $N) * $N * $N", needed, kept, batch, chunk, patch, pixels);
        code.beginControlFlow("if ($N.length < $N)", columns, needed);
        code.addStatement("$N = new float[$N]", columns, needed);
        code.endControlFlow();
        code.addStatement("$N = $N", columnsKept, kept);
        beginChunks(code, c, batch);
        addUnfold(code, c);
        if (product != null) {
            code.beginControlFlow("if ($N > 1)", c.count);
            addChunkProduct(code, c, o, target);
            code.nextControlFlow("else");
        }
        code.add("// one sample: the product is the sample's output volume\n");
        code.addStatement("int $N = $N * $N", start, c.first, out.size());
        beginLoop(code, o, out.channels());
        code.addStatement("$1T.fill($2N, $3N + $4N * $5N, $3N + ($4N + 1) * $5N, $6N[$7N + $4N])", ARRAYS, target,
                start, o, pixels, model.parameters(), biasOffset());
        code.endControlFlow();
        code.addStatement("$T.multiplyAdd($N, $N, $N, $N, $N, $N, $N, $N, $N)", SGEMM, out.channels(), patch,
                c.width, model.parameters(), weightOffset(), columns, c.base, target, start);
        if (product != null) {
            code.endControlFlow();
        }
        code.endControlFlow();
    }

    /** The chunk's output {@code [filters][chunk·pixels]} in {@code product}, then sample by sample. */
    private void addChunkProduct(CodeBlock.Builder code, Chunk c, String o, FieldSpec target) {
        beginLoop(code, o, out.channels());
        code.addStatement("$1T.fill($2N, $3N * $4N, ($3N + 1) * $4N, $5N[$6N + $3N])", ARRAYS, product, o,
                c.width, model.parameters(), biasOffset());
        code.endControlFlow();
        code.addStatement("$T.multiplyAdd($N, $N, $N, $N, $N, $N, $N, $N, 0)", SGEMM, out.channels(), patch,
                c.width, model.parameters(), weightOffset(), columns, c.base, product);
        code.add("// [filters][chunk·pixels] to each sample's [filters][pixels]\n");
        beginLoop(code, c.s, c.count);
        beginLoop(code, o, out.channels());
        code.addStatement("$T.arraycopy($N, $N * $N + $N * $N, $N, ($N + $N) * $N + $N * $N, $N)", SYSTEM, product,
                o, c.width, c.s, pixels, target, c.first, c.s, out.size(), o, pixels, pixels);
        code.endControlFlow();
        code.endControlFlow();
    }

    /**
     * After a pass that wrote the pooling instead of this layer's output, the pooling's maxima stand
     * for it: a NaN or an infinity there came from this layer's values.
     */
    @Override
    CodeBlock nonFinite(String isFinite, String batch) {
        if (pooled == null) {
            return super.nonFinite(isFinite, batch);
        }
        return CodeBlock.of("$N ? !$N($N, $L) : !$N($N, $L)", pooled, isFinite, pooling.values(),
                pooling.sizeOf(batch), isFinite, out.values(), out.sizeOf(batch));
    }

    @Override
    void addBackward(CodeBlock.Builder code, NameAllocator names, String batch) {
        FieldSpec gradient = out.gradient();
        String o = names.newName("o");
        Chunk c = Chunk.allocate(names);
        if (directly) {
            code.add("// dW += each sample's output gradient times its windows, read off its padded input: no unfolding\n");
            code.addStatement("$N.addWeightGradient($N, 0, $N, $N, 0, $N, $N)", direct, in.values(), batch, gradient,
                    model.gradients(), weightOffset());
        }
        if (byWinograd) {
            code.add("// each sample's output gradient summed over its planes, and dW by Winograd: no unfolding\n");
            beginLoop(code, c.s, batch);
            code.addStatement("$T.addRowSums($N, $N, $N, $N * $N, $N, $N)", GEMV, out.channels(), pixels, gradient,
                    c.s, out.size(), model.gradients(), biasOffset());
            code.endControlFlow();
            code.addStatement("$N.addWeightGradient($N, 0, $N, $N, 0, $N, $N)", winogradWeightGradient, in.values(),
                    batch, gradient, model.gradients(), weightOffset());
        }
        if (winogradInputGradient != null) {
            beginInputGradient(code);
            code.add("// dX: dY convolved with the filters turned half a turn, by Winograd\n");
            code.addStatement("$N.inputGradient($N, 0, $N, $N, $N, $N, 0)", winogradInputGradient, gradient, batch,
                    model.parameters(), weightOffset(), in.gradient());
            endInputGradient(code);
            return;
        }
        beginChunks(code, c, batch);
        if (unfoldsInForward()) {
            code.beginControlFlow("if (!$N)", columnsKept);
            code.add("// a pass over several chunks kept only the last one: unfold again\n");
            addUnfold(code, c);
            code.endControlFlow();
        }
        String dy = names.newName("dy");
        String dyStart = names.newName("dyStart");
        code.add("// dY of the chunk as [filters][chunk·pixels]: one sample's output volume as it is\n");
        code.addStatement("float[] $N = $N", dy, gradient);
        code.addStatement("int $N = $N * $N", dyStart, c.first, out.size());
        if (productGradient != null) {
            code.beginControlFlow("if ($N > 1)", c.count);
            code.add("// several: each sample's [filters][pixels] gathered side by side\n");
            beginLoop(code, c.s, c.count);
            beginLoop(code, o, out.channels());
            code.addStatement("$T.arraycopy($N, ($N + $N) * $N + $N * $N, $N, $N * $N + $N * $N, $N)", SYSTEM,
                    gradient, c.first, c.s, out.size(), o, pixels, productGradient, o, c.width, c.s, pixels, pixels);
            code.endControlFlow();
            code.endControlFlow();
            code.addStatement("$N = $N", dy, productGradient);
            code.addStatement("$N = 0", dyStart);
            code.endControlFlow();
        }
        if (!byWinograd) {
            code.addStatement("$T.addRowSums($N, $N, $N, $N, $N, $N)", GEMV, out.channels(), c.width, dy, dyStart,
                    model.gradients(), biasOffset());
        }
        if (unfoldsInForward()) {
            code.add("// dW += dY × columnsᵀ, with the unfolded gradient as scratch before it is computed\n");
            code.addStatement("$T.multiplyAddTransposedB($N, $N, $N, $N, $N, $N, $N, $N, $N, $N, 0)", SGEMM,
                    out.channels(), c.width, patch, dy, dyStart, columns, c.base, model.gradients(), weightOffset(),
                    columnsGradient);
        }
        beginInputGradient(code);
        code.add("// dColumns = Wᵀ × dY, folded back onto each sample's input\n");
        code.addStatement("$T.fill($N, 0, $N * $N, 0f)", ARRAYS, columnsGradient, patch, c.width);
        code.addStatement("$T.multiplyAddTransposedA($N, $N, $N, $N, $N, $N, $N, $N, 0)", SGEMM, patch,
                out.channels(), c.width, model.parameters(), weightOffset(), dy, dyStart, columnsGradient);
        code.addStatement("$T.fill($N, $N * $N, ($N + $N) * $N, 0f)", ARRAYS, in.gradient(), c.first, in.size(),
                c.first, c.count, in.size());
        beginLoop(code, c.s, c.count);
        code.addStatement("$T.foldAdd($N, $N, $N * $N, $N, $N, ($N + $N) * $N)", IM2COL, geometry, columnsGradient,
                c.s, pixels, c.width, in.gradient(), c.first, c.s, in.size());
        code.endControlFlow();
        endInputGradient(code);
        code.endControlFlow();
    }
}
