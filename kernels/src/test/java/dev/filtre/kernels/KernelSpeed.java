package dev.filtre.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Prints GFLOP/s of both implementations on the shapes of LeNet-5's and FashionNet's layers, one
 * thread, median of several timed windows: the per-sample shapes, then the batch-level ones (a chunk
 * of samples unfolded side by side into one matrix, a batch of rows through a dense layer), and the
 * heap bytes one call allocates (0 unless C2 left a vector boxed). Not a test; run it with the
 * Vector API present:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp kernels/target/classes:kernels/target/test-classes \
 *     dev.filtre.kernels.KernelSpeed [seconds per figure, default 0.6] [only the cases whose name has
 *     one of these comma-separated strings]
 * </pre>
 */
public final class KernelSpeed {
    private static final int WINDOWS = 5;

    /** One primitive on one shape, run on one implementation. */
    private interface Call {
        void run(KernelSet kernels);
    }

    private record Case(String name, long multiplyAdds, Call call) {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 0.6;
        List<KernelSet> implementations = new ArrayList<>(List.of(new PlainKernels()));
        if (Kernels.vectorModulePresent()) {
            implementations.add(Kernels.select("vector"));
        }
        List<Case> cases = new ArrayList<>();
        convolution(cases, "fashion conv1", 32, new ConvGeometry(1, 28, 28, 3, 1, 1), false);
        convolution(cases, "fashion conv2", 64, new ConvGeometry(32, 14, 14, 3, 1, 1), true);
        dense(cases, "fashion fc1", 128, 3136);
        convolution(cases, "lenet conv1", 6, new ConvGeometry(1, 28, 28, 5, 1, 2), false);
        convolution(cases, "lenet conv2", 16, new ConvGeometry(6, 14, 14, 5, 1, 0), true);
        dense(cases, "lenet fc1", 120, 400);
        batchedConvolution(cases, "lenet conv1 x8", 6, new ConvGeometry(1, 28, 28, 5, 1, 2), 8);
        batchedConvolution(cases, "lenet conv2 x16", 16, new ConvGeometry(6, 14, 14, 5, 1, 0), 16);
        batchedConvolution(cases, "fashion conv1 x32", 32, new ConvGeometry(1, 28, 28, 3, 1, 1), 32);
        batchedConvolution(cases, "fashion conv2 x4", 64, new ConvGeometry(32, 14, 14, 3, 1, 1), 4);
        batchedDense(cases, "lenet fc1 x64", 64, 120, 400);
        batchedDense(cases, "fashion fc1 x64", 64, 128, 3136);
        chunk(cases, "chunk fashion conv1 x1", 32, new ConvGeometry(1, 28, 28, 3, 1, 1), 1);
        chunk(cases, "chunk fashion conv2 x3", 64, new ConvGeometry(32, 14, 14, 3, 1, 1), 3);
        chunk(cases, "chunk lenet conv1 x1", 6, new ConvGeometry(1, 28, 28, 5, 1, 2), 1);
        chunk(cases, "chunk lenet conv2 x8", 16, new ConvGeometry(6, 14, 14, 5, 1, 0), 8);
        if (args.length > 1) {
            List<String> wanted = List.of(args[1].split(","));
            cases.removeIf(c -> wanted.stream().noneMatch(c.name::contains));
        }
        System.out.printf("%-40s %10s  (B/call)%n", "GFLOP/s, 1 thread, median of " + WINDOWS, String.join("     ",
                implementations.stream().map(KernelSet::name).toArray(String[]::new)));
        for (Case c : cases) {
            StringBuilder line = new StringBuilder(String.format("%-40s", c.name));
            long[] allocated = new long[implementations.size()];
            for (int i = 0; i < implementations.size(); i++) {
                line.append(String.format(" %9.1f", gigaflops(c, implementations.get(i), seconds)));
                allocated[i] = allocatedPerCall(c, implementations.get(i));
            }
            line.append("  (").append(String.join("/", Arrays.stream(allocated).mapToObj(Long::toString)
                    .toArray(String[]::new))).append(')');
            System.out.println(line);
        }
    }

    /** Heap bytes this thread allocates in one call of the case, averaged over 16 calls after its timing. */
    private static long allocatedPerCall(Case c, KernelSet kernels) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 16; i++) {
            c.call.run(kernels);
        }
        return (threads.getThreadAllocatedBytes(id) - before) / 16;
    }

    private static void convolution(List<Case> cases, String name, int filters, ConvGeometry g,
            boolean inputGradient) {
        Random random = new Random(1);
        int patch = g.patch();
        int pixels = g.pixels();
        float[] w = Reference.random(random, filters * patch);
        float[] col = Reference.random(random, patch * pixels);
        float[] y = new float[filters * pixels];
        float[] dW = new float[filters * patch];
        float[] dCol = new float[patch * pixels];
        long work = (long) filters * patch * pixels;
        cases.add(new Case(String.format("%s fwd A·B %dx%dx%d", name, filters, patch, pixels), work,
                k -> k.multiplyAdd(filters, patch, pixels, w, 0, patch, 1, col, 0, y, 0)));
        cases.add(new Case(String.format("%s dW A·Bt %dx%dx%d", name, filters, pixels, patch), work,
                k -> k.multiplyAddTransposedB(filters, pixels, patch, y, 0, col, 0, dW, 0)));
        float[] scratch = new float[patch * pixels];
        cases.add(new Case(String.format("%s dW A·Bt %dx%dx%d scratch", name, filters, pixels, patch), work,
                k -> k.multiplyAddTransposedB(filters, pixels, patch, y, 0, col, 0, dW, 0, scratch, 0)));
        if (inputGradient) {
            cases.add(new Case(String.format("%s dX At·B %dx%dx%d", name, patch, filters, pixels), work,
                    k -> k.multiplyAdd(patch, filters, pixels, w, 0, 1, patch, y, 0, dCol, 0)));
        }
        float[] input = Reference.random(random, g.inputSize());
        cases.add(new Case(String.format("%s im2col (Gvalue/s)", name), g.columnsSize() / 2,
                k -> Im2col.unfold(g, input, 0, col, 0)));
        if (inputGradient) {
            cases.add(new Case(String.format("%s col2im (Gvalue/s)", name), g.columnsSize() / 2,
                    k -> Im2col.foldAdd(g, dCol, 0, input, 0)));
        }
    }

    /**
     * A chunk of {@code samples} inputs unfolded side by side into one matrix of {@code samples ·
     * pixels} columns: forward {@code W·col}, weight gradient {@code dY·colᵀ} (long inner dimension),
     * unfolded input gradient {@code Wᵀ·dY}, and the strided unfold and fold of one sample.
     */
    private static void batchedConvolution(List<Case> cases, String name, int filters, ConvGeometry g,
            int samples) {
        Random random = new Random(3);
        int patch = g.patch();
        int pixels = g.pixels();
        int columns = samples * pixels;
        float[] w = Reference.random(random, filters * patch);
        float[] col = Reference.random(random, patch * columns);
        float[] y = Reference.random(random, filters * columns);
        float[] dW = new float[filters * patch];
        float[] dCol = new float[patch * columns];
        float[] scratch = new float[patch * columns];
        long work = (long) filters * patch * columns;
        cases.add(new Case(String.format("%s fwd A·B %dx%dx%d", name, filters, patch, columns), work,
                k -> k.multiplyAdd(filters, patch, columns, w, 0, patch, 1, col, 0, y, 0)));
        cases.add(new Case(String.format("%s dW A·Bt %dx%dx%d", name, filters, columns, patch), work,
                k -> k.multiplyAddTransposedB(filters, columns, patch, y, 0, col, 0, dW, 0)));
        cases.add(new Case(String.format("%s dW A·Bt %dx%dx%d scratch", name, filters, columns, patch), work,
                k -> k.multiplyAddTransposedB(filters, columns, patch, y, 0, col, 0, dW, 0, scratch, 0)));
        cases.add(new Case(String.format("%s dX At·B %dx%dx%d", name, patch, filters, columns), work,
                k -> k.multiplyAdd(patch, filters, columns, w, 0, 1, patch, y, 0, dCol, 0)));
        float[] input = Reference.random(random, g.inputSize());
        int last = (samples - 1) * pixels;
        cases.add(new Case(String.format("%s im2col strided (Gvalue/s)", name), g.columnsSize() / 2,
                k -> Im2col.unfold(g, input, 0, col, last, columns)));
        cases.add(new Case(String.format("%s col2im strided (Gvalue/s)", name), g.columnsSize() / 2,
                k -> Im2col.foldAdd(g, dCol, last, columns, input, 0)));
    }

    /**
     * The chunk the generated models use for a layer (as many samples as make about 768 columns
     * within 1 MiB): forward {@code W·col}, the weight gradient through the scratch form as they call
     * it, the unfolded input gradient {@code Wᵀ·dY}, and the unfold and fold of the chunk's middle
     * sample at the chunk's row stride.
     */
    private static void chunk(List<Case> cases, String name, int filters, ConvGeometry g, int samples) {
        Random random = new Random(5);
        int patch = g.patch();
        int pixels = g.pixels();
        int columns = samples * pixels;
        float[] w = Reference.random(random, filters * patch);
        float[] col = Reference.random(random, patch * columns);
        float[] y = new float[filters * columns];
        float[] dY = Reference.random(random, filters * columns);
        float[] dW = new float[filters * patch];
        float[] dCol = new float[patch * columns];
        float[] scratch = new float[patch * columns];
        long work = (long) filters * patch * columns;
        cases.add(new Case(String.format("%s fwd A·B %dx%dx%d", name, filters, patch, columns), work,
                k -> k.multiplyAdd(filters, patch, columns, w, 0, patch, 1, col, 0, y, 0)));
        cases.add(new Case(String.format("%s dW A·Bt %dx%dx%d scratch", name, filters, columns, patch), work,
                k -> k.multiplyAddTransposedB(filters, columns, patch, dY, 0, col, 0, dW, 0, scratch, 0)));
        cases.add(new Case(String.format("%s dX At·B %dx%dx%d", name, patch, filters, columns), work,
                k -> k.multiplyAdd(patch, filters, columns, w, 0, 1, patch, dY, 0, dCol, 0)));
        float[] input = Reference.random(random, g.inputSize());
        int middle = samples / 2 * pixels;
        cases.add(new Case(String.format("%s im2col (Gvalue/s)", name), g.columnsSize() / 2,
                k -> Im2col.unfold(g, input, 0, col, middle, columns)));
        cases.add(new Case(String.format("%s col2im (Gvalue/s)", name), g.columnsSize() / 2,
                k -> Im2col.foldAdd(g, col, middle, columns, input, 0)));
    }

    /**
     * A batch of {@code rows} inputs through a dense layer {@code W[out×in]}: forward {@code
     * X·Wᵀ}, weight gradient {@code dYᵀ·X}, input gradient {@code dY·W}.
     */
    private static void batchedDense(List<Case> cases, String name, int rows, int out, int in) {
        Random random = new Random(4);
        float[] w = Reference.random(random, out * in);
        float[] x = Reference.random(random, rows * in);
        float[] y = Reference.random(random, rows * out);
        float[] dx = new float[rows * in];
        float[] dW = new float[out * in];
        float[] scratch = new float[out * in];
        long work = (long) rows * out * in;
        cases.add(new Case(String.format("%s fwd A·Bt %dx%dx%d", name, rows, in, out), work,
                k -> k.multiplyAddTransposedB(rows, in, out, x, 0, w, 0, y, 0)));
        cases.add(new Case(String.format("%s fwd A·Bt %dx%dx%d scratch", name, rows, in, out), work,
                k -> k.multiplyAddTransposedB(rows, in, out, x, 0, w, 0, y, 0, scratch, 0)));
        cases.add(new Case(String.format("%s dW At·B %dx%dx%d", name, out, rows, in), work,
                k -> k.multiplyAdd(out, rows, in, y, 0, 1, out, x, 0, dW, 0)));
        cases.add(new Case(String.format("%s dX A·B %dx%dx%d", name, rows, out, in), work,
                k -> k.multiplyAdd(rows, out, in, y, 0, out, 1, w, 0, dx, 0)));
    }

    private static void dense(List<Case> cases, String name, int out, int in) {
        Random random = new Random(2);
        float[] w = Reference.random(random, out * in);
        float[] x = Reference.random(random, in);
        float[] y = Reference.random(random, out);
        float[] dx = new float[in];
        float[] dW = new float[out * in];
        long work = (long) out * in;
        cases.add(new Case(String.format("%s fwd gemv %dx%d", name, out, in), work,
                k -> k.multiplyVectorAdd(out, in, w, 0, x, 0, y, 0)));
        cases.add(new Case(String.format("%s dX gemvT %dx%d", name, out, in), work,
                k -> k.multiplyTransposedVectorAdd(out, in, w, 0, y, 0, dx, 0)));
        cases.add(new Case(String.format("%s dW ger %dx%d", name, out, in), work,
                k -> k.rankOneUpdate(out, in, y, 0, x, 0, dW, 0)));
    }

    /** Median GFLOP/s (2 flops a multiply-add) over {@link #WINDOWS} windows after three warm-up windows. */
    private static double gigaflops(Case c, KernelSet kernels, double seconds) {
        double[] rates = new double[WINDOWS];
        long window = (long) (seconds * 1e9 / (WINDOWS + 3));
        for (int w = -3; w < WINDOWS; w++) {
            long calls = 0;
            long start = System.nanoTime();
            long now;
            do {
                for (int i = 0; i < 16; i++) {
                    c.call.run(kernels);
                }
                calls += 16;
                now = System.nanoTime();
            } while (now - start < window);
            if (w >= 0) {
                rates[w] = 2.0 * c.multiplyAdds * calls / (now - start);
            }
        }
        Arrays.sort(rates);
        return rates[WINDOWS / 2];
    }
}
