package dev.filtre.bench.jmh;

import dev.filtre.examples.networks.FashionNetModel;
import dev.filtre.examples.networks.LeNet5Model;
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
 * Whole networks, one sample per call: inference, and one training sample (forward, then the
 * fused softmax + cross-entropy gradient back through every layer). Run with {@code bench/jmh.sh
 * NetworkBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class NetworkBenchmarks {
    /** Which network. */
    @Param({"lenet5", "fashionnet"})
    public String network;

    private Model inference;
    private Model training;
    private float[] input;
    private float[] gradLogits;
    private static final int LABEL = 3;

    @Setup(Level.Trial)
    public void setUp() {
        inference = newModel();
        inference.setTraining(false);
        training = newModel();
        training.setTraining(true);
        training.seedDropout(42);
        SplittableRandom random = new SplittableRandom(42);
        input = new float[inference.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextDouble();
        }
        gradLogits = new float[inference.outputSize()];
    }

    private Model newModel() {
        Model model = switch (network) {
            case "lenet5" -> new LeNet5Model();
            case "fashionnet" -> new FashionNetModel();
            default -> throw new IllegalArgumentException("no network " + network + "; lenet5 or fashionnet");
        };
        model.initialize(42);
        return model;
    }

    /** One image through the network in evaluation mode. */
    @Benchmark
    public float[] infer() {
        return inference.forward(input, 0);
    }

    /** One training sample: forward, loss gradient, backward (gradients accumulate, no update). */
    @Benchmark
    public float[] trainSample() {
        float[] probabilities = training.forward(input, 0);
        for (int k = 0; k < gradLogits.length; k++) {
            gradLogits[k] = (probabilities[k] - (k == LABEL ? 1f : 0f)) / 64f;
        }
        training.backwardFromLogits(gradLogits, 0);
        return training.gradients();
    }
}
