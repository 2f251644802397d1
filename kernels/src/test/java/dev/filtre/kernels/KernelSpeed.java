package dev.filtre.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Prints GFLOP/s of both implementations on the shapes of LeNet-5's and FashionNet's layers, one
 * thread, median of several timed windows. Not a test; run it with the Vector API present:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp kernels/target/classes:kernels/target/test-classes \
 *     dev.filtre.kernels.KernelSpeed [seconds per figure, default 0.6]
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
        System.out.printf("%-40s %10s%n", "GFLOP/s, 1 thread, median of " + WINDOWS, String.join("     ",
                implementations.stream().map(KernelSet::name).toArray(String[]::new)));
        for (Case c : cases) {
            StringBuilder line = new StringBuilder(String.format("%-40s", c.name));
            for (KernelSet kernels : implementations) {
                line.append(String.format(" %9.1f", gigaflops(c, kernels, seconds)));
            }
            System.out.println(line);
        }
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
