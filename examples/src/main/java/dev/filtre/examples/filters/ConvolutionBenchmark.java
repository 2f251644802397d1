package dev.filtre.examples.filters;

import dev.filtre.runtime.image.BorderMode;
import dev.filtre.runtime.image.Convolution;
import dev.filtre.runtime.image.Convolution.Strategy;
import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.image.Kernel;
import dev.filtre.runtime.image.Kernels;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * How much the separable path saves: a random {@code size x size} grayscale image through the 3x3
 * and the 15x15 Gaussian, direct then separable, on the calling thread (the filters use no other),
 * printing the median of several runs after one warm-up run each: the thread's CPU time, which
 * other processes on a busy machine barely disturb, and the wall-clock time.
 *
 * <pre>
 *   java -cp ... dev.filtre.examples.filters.ConvolutionBenchmark [size = 4096] [runs = 5]
 * </pre>
 *
 * <p>Pin it to one core with {@code taskset -c 0}. A harness, not a test: timings depend on the
 * machine and on what else runs on it.
 */
public final class ConvolutionBenchmark {
    private ConvolutionBenchmark() {}

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Image image = randomImage(size, 42);
        System.out.printf(Locale.ROOT, "%dx%d grayscale, border extend, median of %d runs after 1 warm-up, %s %s%n",
                size, size, runs, System.getProperty("java.vm.name"), Runtime.version());
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %8s %10s %10s %12s%n", "kernel", "direct", "separable",
                "speedup", "direct", "separable", "max |diff|");
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %8s %10s %10s %12s%n", "", "cpu ms", "cpu ms", "",
                "wall ms", "wall ms", "");
        measure("Gaussian 3x3 (1 2 1)", Kernels.gaussian(), image, runs);
        measure("Gaussian 15x15", Kernels.gaussianOfSize(15), image, runs);
    }

    private static void measure(String name, Kernel kernel, Image image, int runs) {
        Image direct = Convolution.convolve(image, kernel, BorderMode.EXTEND, Strategy.DIRECT);
        Image separable = Convolution.convolve(image, kernel, BorderMode.EXTEND, Strategy.SEPARABLE);
        Timing directTime = time(image, kernel, Strategy.DIRECT, runs);
        Timing separableTime = time(image, kernel, Strategy.SEPARABLE, runs);
        System.out.printf(Locale.ROOT, "%-22s %10.1f %10.1f %7.1fx %10.1f %10.1f %12.2e%n", name,
                directTime.cpuMillis(), separableTime.cpuMillis(), directTime.cpuMillis() / separableTime.cpuMillis(),
                directTime.wallMillis(), separableTime.wallMillis(), maxDifference(direct, separable));
    }

    /** Medians of the thread's CPU time and of the wall-clock time, in milliseconds. */
    private record Timing(double cpuMillis, double wallMillis) {}

    private static Timing time(Image image, Kernel kernel, Strategy strategy, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[runs];
        double[] wall = new double[runs];
        for (int run = 0; run < runs; run++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            Image result = Convolution.convolve(image, kernel, BorderMode.EXTEND, strategy);
            wall[run] = (System.nanoTime() - wallStart) / 1e6;
            cpu[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            if (result.width() != image.width()) {
                throw new AssertionError("unexpected output size " + result.shape());
            }
        }
        return new Timing(median(cpu), median(wall));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double maxDifference(Image a, Image b) {
        float[] x = a.toArray();
        float[] y = b.toArray();
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }

    private static Image randomImage(int size, long seed) {
        Random random = new Random(seed);
        float[] values = new float[size * size];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(256);
        }
        return Image.of(1, size, size, values);
    }
}
