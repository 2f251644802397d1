package dev.filtre.bench;

import dev.filtre.kernels.Kernels;
import dev.filtre.kernels.Sgemm;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's multiply-add peak as Java reaches it, the denominator for Filtre's GFLOP/s: twelve
 * independent chains of vector fused multiply-adds held in registers (no load, no store), on one
 * thread and then on every processor at once, next to Filtre's own sgemm on the shapes of
 * FashionNet's {@code conv2} (64 filters, 288 = 32·3·3 inputs, 196 pixels; and 192, a whole number
 * of vectors). The formula "2 FMA units × 16 lanes × 2 × clock" over-counts on CPUs that split a
 * 512-bit multiply-add into two 256-bit halves (AMD's Zen 4): this measures what runs.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/classpath.txt) \
 *     dev.filtre.bench.FmaPeak
 * </pre>
 */
public final class FmaPeak {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Chains per loop step: enough independent multiply-adds to cover their latency. */
    private static final int CHAINS = 12;
    private static final int STEPS = 20_000_000;
    private static final int ROUNDS = 5;
    /** The last chains' sum. */
    private static volatile float result;

    private FmaPeak() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.printf(Locale.ROOT, "vector of %d floats; Filtre's kernels: %s%n", SPECIES.length(),
                Kernels.implementation());
        double one = best(FmaPeak::registerGigaflops);
        System.out.printf(Locale.ROOT, "register FMA peak, 1 thread: %.1f GFLOP/s%n", one);
        int processors = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "register FMA peak, %d threads: %.1f GFLOP/s%n", processors,
                best(() -> allThreads(processors)));
        for (int n : new int[] {192, 196}) {
            double sgemm = best(() -> sgemmGigaflops(64, 288, n));
            System.out.printf(Locale.ROOT, "Filtre sgemm 64x288x%d, 1 thread: %.1f GFLOP/s (%.0f%% of the peak)%n", n,
                    sgemm, 100 * sgemm / one);
        }
    }

    private interface Figure {
        double measure() throws InterruptedException;
    }

    /**
     * The best of {@link #ROUNDS} measurements after one discarded (the JIT's): a peak, which
     * another tenant of this virtual machine's cores can only lower (a median caught 76.8 GFLOP/s on
     * one thread once, when most rounds ran slow, and put the sgemm at "146% of the peak").
     */
    private static double best(Figure figure) throws InterruptedException {
        figure.measure();
        double best = 0;
        for (int i = 0; i < ROUNDS; i++) {
            best = Math.max(best, figure.measure());
        }
        return best;
    }

    private static double registerGigaflops() {
        float[] seed = new float[2 * SPECIES.length()];
        Arrays.fill(seed, 0.999f);
        long start = System.nanoTime();
        // kept, so that the JIT cannot drop the chains as unused
        result = chains(seed);
        long nanos = System.nanoTime() - start;
        return 2.0 * CHAINS * SPECIES.length() * STEPS / nanos;
    }

    /** Every processor runs {@link #registerGigaflops()} at once; their sum. */
    private static double allThreads(int threads) throws InterruptedException {
        double[] each = new double[threads];
        Thread[] running = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            running[t] = new Thread(() -> each[index] = registerGigaflops());
            running[t].start();
        }
        double sum = 0;
        for (int t = 0; t < threads; t++) {
            running[t].join();
            sum += each[t];
        }
        return sum;
    }

    private static float chains(float[] seed) {
        FloatVector x = FloatVector.fromArray(SPECIES, seed, 0);
        FloatVector y = FloatVector.fromArray(SPECIES, seed, SPECIES.length());
        FloatVector a0 = x;
        FloatVector a1 = y;
        FloatVector a2 = x;
        FloatVector a3 = y;
        FloatVector a4 = x;
        FloatVector a5 = y;
        FloatVector a6 = x;
        FloatVector a7 = y;
        FloatVector a8 = x;
        FloatVector a9 = y;
        FloatVector a10 = x;
        FloatVector a11 = y;
        for (int i = 0; i < STEPS; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    private static double sgemmGigaflops(int m, int k, int n) {
        Random random = new Random(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextFloat() - 0.5f;
        }
        int calls = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            Sgemm.multiplyAdd(m, k, n, a, 0, b, 0, c, 0);
        }
        return 2.0 * m * k * n * calls / (System.nanoTime() - start);
    }
}
