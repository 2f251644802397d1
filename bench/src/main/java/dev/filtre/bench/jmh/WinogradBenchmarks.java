package dev.filtre.bench.jmh;

import dev.filtre.kernels.ConvGeometry;
import dev.filtre.kernels.MaxPooling;
import dev.filtre.kernels.WinogradConvolution;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FashionNet's conv2 by Winograd's F(2x2, 3x3) and its 2x2 max pooling, one image, as an evaluation
 * pass runs them: {@code pooled} reads the maxima off the tiles ({@code
 * WinogradConvolution.forwardPooled}, bench/README's step 32), {@code separate} writes the output
 * then pools it ({@code forward} then {@code MaxPooling.forward}, the path before it). {@code
 * filters=32} is one thread's share in a two-thread pass. Run with {@code bench/jmh.sh
 * WinogradBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class WinogradBenchmarks {
    private static final ConvGeometry CONV2 = new ConvGeometry(32, 14, 14, 3, 1, 1);
    private static final int FILTERS = 64;

    /** The filters convolved: all of conv2's, or the first half (one thread's share). */
    @Param({"64", "32"})
    public int filters;

    private final WinogradConvolution winograd = new WinogradConvolution(CONV2, FILTERS);
    private final MaxPooling pooling = new MaxPooling(14, 14, 2, 2);
    private float[] input;
    private float[] weights;
    private final float[] bias = new float[FILTERS];
    private final float[] output = new float[FILTERS * CONV2.pixels()];
    private final float[] pooled = new float[FILTERS * 49];
    private final int[] argmax = new int[FILTERS * 49];

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        input = new float[CONV2.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextDouble();
        }
        weights = new float[FILTERS * CONV2.patch()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (random.nextDouble() - 0.5) * 0.2f;
        }
    }

    /** The maxima straight from the tiles. */
    @Benchmark
    public float[] pooled() {
        winograd.forwardPooled(input, 0, weights, 0, bias, 0, 0, filters, pooled, 0);
        return pooled;
    }

    /** The output, then its pooling (with the maxima's indices). */
    @Benchmark
    public float[] separate() {
        winograd.forward(input, 0, weights, 0, bias, 0, 0, filters, output, 0);
        pooling.forward(output, 0, filters, pooled, 0, argmax, 0);
        return pooled;
    }
}
