package dev.filtre.bench;

import ai.onnxruntime.OrtException;
import dev.filtre.dsl.Model;
import dev.filtre.kernels.Kernels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Measures Filtre's generated LeNet-5 and FashionNet, and ONNX Runtime on the same networks
 * exported by {@code pytorch_peer.py}: training images/s, one-image latency and batch-256
 * inference images/s at each thread count, with achieved GFLOP/s and heap bytes allocated per
 * step. Filtre's and ONNX Runtime's latency and batch runs alternate ({@link TimedSubject}), so
 * that both engines see the machine in the same phases. Prints a line per figure and appends JSON
 * lines to {@code --results} for {@code table.py}.
 *
 * <p>Before timing, checks that Filtre with PyTorch's weights gives PyTorch's outputs and that
 * ONNX Runtime gives Filtre's (see {@link ReferenceCheck}); exits with status 1 when one does
 * not. {@code bench/run.sh} runs it with the PyTorch peer; see {@code bench/README.md}.
 */
public final class Harness {
    /** The 2-core matrix-multiply peak of the reference machine (OpenBLAS sgemm), for comparison. */
    static final String PEAK = "2-thread matmul peak: ~280 GFLOP/s (OpenBLAS sgemm), ~358 theoretical";

    /** The pause before each alternating run, in which the other engine's threads stop spinning and park. */
    private static final long PAUSE_MILLIS = 100;

    private final HarnessOptions options;
    private boolean mismatch;

    private Harness(HarnessOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException, OrtException {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Harness harness = new Harness(options);
        harness.run();
        if (harness.mismatch) {
            System.err.println("outputs disagree between implementations: figures are not comparable");
            System.exit(1);
        }
    }

    private void run() throws IOException, OrtException {
        TrainingData data = TrainingData.load(options.seed());
        String machine = String.format(Locale.ROOT, "Java %s (%s), %d processors, %s",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), PEAK);
        log("# filtre harness: data: " + data.source());
        log("# " + machine);
        log("# Filtre's kernels: " + Kernels.implementation() + (Kernels.vectorModulePresent() ? ""
                : " (start the JVM with --add-modules jdk.incubator.vector for the Vector API ones)"));
        if (!Allocations.supported()) {
            log("# this JVM does not count allocations per thread: bytes per step are not measured");
        }
        boolean onnx = options.runs("onnxruntime") && Files.isDirectory(options.onnxDirectory());
        if (options.runs("onnxruntime") && !onnx) {
            log("# no " + options.onnxDirectory() + ": run `pytorch_peer.py export` first; ONNX Runtime skipped");
        }
        FiltreBench filtre = new FiltreBench(data, options.timing(), options.seed(), Harness::log);
        OnnxBench onnxBench = new OnnxBench(data, options.timing(), options.onnxDirectory(), Harness::log);
        for (BenchNetwork network : options.networks()) {
            describe(network);
            if (onnx) {
                for (ReferenceCheck.Agreement agreement :
                        new ReferenceCheck(options.onnxDirectory()).check(network, options.threadCounts())) {
                    log(agreement.line());
                    mismatch |= !agreement.agrees();
                }
            }
            long forwardMultiplyAdds = MultiplyAdds.forward(network.newModel(0));
            for (int threads : options.threadCounts()) {
                boolean filtreRuns = options.runs("filtre");
                if (filtreRuns && options.measures("train")) {
                    record(filtre.train(network, threads), data);
                    record(filtre.trainModelOnly(network, threads), data);
                }
                if (options.measures("latency")) {
                    if (filtreRuns && onnx) {
                        // both engines' runs in turn, so that both see the machine's same phases
                        try (TimedSubject filtreSubject = filtre.latencySubject(network, threads);
                                TimedSubject onnxSubject = onnxBench.latencySubject(network, threads)) {
                            recordAll(TimedSubject.alternate(options.timing().runs(), PAUSE_MILLIS, "us", filtreSubject,
                                    onnxSubject), data);
                        }
                    } else if (filtreRuns) {
                        record(filtre.latency(network, threads), data);
                    } else if (onnx) {
                        record(onnxBench.latency(network, threads), data);
                    }
                }
                if (options.measures("batch256")) {
                    if (filtreRuns && onnx) {
                        try (TimedSubject filtreSubject = filtre.batchSubject(network, threads);
                                TimedSubject onnxSubject = onnxBench.batchSubject(network, threads,
                                        forwardMultiplyAdds)) {
                            recordAll(TimedSubject.alternate(options.timing().runs(), PAUSE_MILLIS, "images/s",
                                    filtreSubject, onnxSubject), data);
                        }
                    } else if (filtreRuns) {
                        record(filtre.batch(network, threads), data);
                    } else if (onnx) {
                        record(onnxBench.batch(network, threads, forwardMultiplyAdds), data);
                    }
                }
            }
        }
    }

    /** Prints the network's parameters and multiply-adds per layer. */
    private static void describe(BenchNetwork network) {
        Model model = network.newModel(0);
        log(String.format(Locale.ROOT, "# %s: %,d parameters, %,d multiply-adds per image forward, %,d per training image",
                network.id(), model.parameterCount(), MultiplyAdds.forward(model), MultiplyAdds.training(model)));
        for (MultiplyAdds.LayerCount count : MultiplyAdds.perLayer(model)) {
            if (count.forward() > 0) {
                log(String.format(Locale.ROOT, "#   %-8s %-32s %,12d", count.layer(), count.kind(), count.forward()));
            }
        }
    }

    private void recordAll(Result[] results, TrainingData data) throws IOException {
        for (Result result : results) {
            record(result, data);
        }
    }

    private void record(Result result, TrainingData data) throws IOException {
        log(result.line());
        if (options.results() != null) {
            Files.writeString(options.results(), result.json(data.source(), Kernels.implementation()) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static void log(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
