package dev.filtre.bench;

import ai.onnxruntime.OrtException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Times ONNX Runtime (Java API) on the networks {@code pytorch_peer.py export} wrote, with the
 * same rules as {@link FiltreBench}: one-image latency and batch-256 inference, at a given number
 * of intra-op threads. Each call feeds a native tensor prepared once, as a server would.
 */
final class OnnxBench {
    static final String IMPL = "onnxruntime-java";

    private final TrainingData data;
    private final Timing timing;
    private final Path directory;
    private final Consumer<String> log;

    OnnxBench(TrainingData data, Timing timing, Path directory, Consumer<String> log) {
        this.data = data;
        this.timing = timing;
        this.directory = directory;
        this.log = log;
    }

    /** The ONNX file of {@code network} in the export directory. */
    Path file(BenchNetwork network) {
        return directory.resolve(network.id() + ".onnx");
    }

    /** The median time of one session run on one image, in microseconds. */
    Result latency(BenchNetwork network, int threads) throws OrtException {
        try (TimedSubject subject = latencySubject(network, threads)) {
            return subject.result(Measurement.medianOf(timing.runs(), "us", subject::run));
        }
    }

    /** A session of {@code network} on {@code threads} threads, warmed up for one-image calls; closing it ends it. */
    TimedSubject latencySubject(BenchNetwork network, int threads) throws OrtException {
        OnnxRuntimeModel model = new OnnxRuntimeModel(file(network), threads, new int[] {1, 28, 28});
        OnnxRuntimeModel.Call call;
        try {
            call = model.prepare(data.inputs(), 1);
            warmUp(call);
        } catch (OrtException | RuntimeException e) {
            model.close();
            throw e;
        }
        LatencyRun latency = new LatencyRun(timing, log);
        Runnable once = () -> run(call);
        return new TimedSubject() {
            @Override
            public double run() {
                return latency.medianMicros(once);
            }

            @Override
            public Result result(Measurement measurement) {
                return new Result(IMPL, network.id(), threads, "latency", measurement, Double.NaN, -1);
            }

            @Override
            public void close() {
                closeSession(model, call);
            }
        };
    }

    /** Inference throughput on one batch of 256 images. */
    Result batch(BenchNetwork network, int threads, long forwardMultiplyAdds) throws OrtException {
        try (TimedSubject subject = batchSubject(network, threads, forwardMultiplyAdds)) {
            return subject.result(Measurement.medianOf(timing.runs(), "images/s", subject::run));
        }
    }

    /** A session of {@code network} on {@code threads} threads, warmed up on batches of 256; closing it ends it. */
    TimedSubject batchSubject(BenchNetwork network, int threads, long forwardMultiplyAdds) throws OrtException {
        OnnxRuntimeModel model = new OnnxRuntimeModel(file(network), threads, new int[] {1, 28, 28});
        OnnxRuntimeModel.Call call;
        try {
            call = model.prepare(data.inputs(), FiltreBench.INFERENCE_BATCH);
            warmUp(call);
        } catch (OrtException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new TimedSubject() {
            @Override
            public double run() {
                long count = 0;
                long start = System.nanoTime();
                long elapsed;
                do {
                    OnnxBench.run(call);
                    count++;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < timing.windowNanos());
                return count * FiltreBench.INFERENCE_BATCH * 1e9 / elapsed;
            }

            @Override
            public Result result(Measurement measurement) {
                return new Result(IMPL, network.id(), threads, "batch256", measurement,
                        MultiplyAdds.gigaflops(forwardMultiplyAdds, measurement.value()), -1);
            }

            @Override
            public void close() {
                closeSession(model, call);
            }
        };
    }

    private void warmUp(OnnxRuntimeModel.Call call) {
        long start = System.nanoTime();
        do {
            run(call);
        } while (System.nanoTime() - start < timing.warmupNanos());
    }

    private static void closeSession(OnnxRuntimeModel model, OnnxRuntimeModel.Call call) {
        call.close();
        try {
            model.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime did not close its session: " + e.getMessage(), e);
        }
    }

    private static void run(OnnxRuntimeModel.Call call) {
        try {
            call.run();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }
}
