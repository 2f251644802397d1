package dev.filtre.bench.jmh;

import dev.filtre.dsl.Model;
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
 * The generated passes of single layers, one sample per call: each network here is one layer of
 * FashionNet declared alone, so {@link Model#forward} and {@link Model#backward} run exactly that
 * layer's generated code. Run with {@code bench/jmh.sh LayerBenchmarks}; {@code -p layer=conv2 -p
 * mode=training,evaluation} compares conv2's unfolded pass (training keeps the unfolded input for
 * the backward pass) with its direct one (evaluation, which a backward pass then unfolds for).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class LayerBenchmarks {
    /** Which layer: FashionNet's conv1, conv2, fc1 or pool2. */
    @Param({"conv2", "conv1", "fc1", "pool2"})
    public String layer;

    /** {@code training} or {@code evaluation} ({@link Model#setTraining}). */
    @Param({"training", "evaluation"})
    public String mode;

    private Model model;
    private float[] input;
    private float[] gradOutput;

    @Setup(Level.Trial)
    public void setUp() {
        model = switch (layer) {
            case "conv1" -> new Conv1LayerModel();
            case "conv2" -> new Conv2LayerModel();
            case "fc1" -> new DenseLayerModel();
            case "pool2" -> new MaxPoolLayerModel();
            default -> throw new IllegalArgumentException("no layer " + layer + "; conv1, conv2, fc1 or pool2");
        };
        model.initialize(42);
        model.setTraining(switch (mode) {
            case "training" -> true;
            case "evaluation" -> false;
            default -> throw new IllegalArgumentException("no mode " + mode + "; training or evaluation");
        });
        SplittableRandom random = new SplittableRandom(42);
        input = new float[model.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextDouble();
        }
        gradOutput = new float[model.outputSize()];
        for (int i = 0; i < gradOutput.length; i++) {
            gradOutput[i] = (float) (random.nextDouble() - 0.5);
        }
        model.forward(input, 0);
    }

    /** Forward pass of one sample; returns the output so it is not optimized away. */
    @Benchmark
    public float[] forward() {
        return model.forward(input, 0);
    }

    /** Backward pass of one sample through the last forward pass, accumulating gradients. */
    @Benchmark
    public float[] backward() {
        model.backward(gradOutput, 0);
        return model.inputGradient();
    }
}
