package dev.filtre.bench;

import dev.filtre.dsl.Model;
import dev.filtre.runtime.data.DataSet;
import dev.filtre.runtime.train.ProgressListener;
import dev.filtre.runtime.train.Sgd;
import dev.filtre.runtime.train.Trainer;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Times the generated models the way {@code pytorch_peer.py} times PyTorch: training images/s
 * (batch 64, SGD momentum 0.9, softmax + cross-entropy, training mode), one-image latency and
 * batch-256 inference images/s, each the median of {@link Timing#runs()} runs after a warm-up, with
 * the heap bytes the loop allocates per step. Training is timed twice: through the runtime's
 * {@link Trainer} (the figure compared with PyTorch) and through the model alone.
 */
final class FiltreBench {
    static final String IMPL = "filtre";
    static final String MODEL_ONLY = "filtre-model-only";
    static final int MIN_TRAINER_BATCHES = 2;
    static final int MAX_TRAINER_BATCHES = 50;
    static final int BATCH = 64;
    static final int INFERENCE_BATCH = 256;
    static final float LEARNING_RATE = 0.01f;
    static final float MOMENTUM = 0.9f;

    private final TrainingData data;
    private final Timing timing;
    private final long seed;
    private final Consumer<String> log;

    FiltreBench(TrainingData data, Timing timing, long seed, Consumer<String> log) {
        this.data = data;
        this.timing = timing;
        this.seed = seed;
        this.log = log;
    }

    /**
     * Training throughput of the runtime's {@link Trainer}, what a user gets: repeated one-epoch
     * fits over the same images, so every fit also pays the trainer's per-fit costs (input checks,
     * shuffling, a replica and a thread per extra worker). A fit covers as many batches as run in
     * about a quarter of the timed window (from {@value #MIN_TRAINER_BATCHES} to
     * {@value #MAX_TRAINER_BATCHES}), which keeps those costs small without overrunning the window.
     * The bytes allocated per step are those of one more step in a fit, on the calling thread.
     */
    Result train(BenchNetwork network, int threads) {
        Model model = network.newModel(seed);
        Trainer trainer = Trainer.of(model)
                .optimizer(Sgd.withLearningRate(LEARNING_RATE).momentum(MOMENTUM))
                .batchSize(BATCH)
                .epochs(1)
                .seed(seed)
                .threads(threads)
                .progress(ProgressListener.silent());
        DataSet probe = data.images().first(MIN_TRAINER_BATCHES * BATCH);
        double firstLoss = trainer.fit(probe).last().trainLoss();
        warmUp(() -> trainer.fit(probe));
        long start = System.nanoTime();
        trainer.fit(probe);
        double nanosPerBatch = (System.nanoTime() - start) / (double) MIN_TRAINER_BATCHES;
        int batches = (int) Math.max(MIN_TRAINER_BATCHES,
                Math.min(MAX_TRAINER_BATCHES, timing.windowNanos() / 4 / nanosPerBatch));
        DataSet chunk = data.images().first(batches * BATCH);
        double[] loss = {firstLoss};
        Measurement measurement = Measurement.medianOf(timing.runs(), "images/s", () -> {
            long fits = 0;
            long begin = System.nanoTime();
            long elapsed;
            do {
                loss[0] = trainer.fit(chunk).last().trainLoss();
                fits++;
                elapsed = System.nanoTime() - begin;
            } while (elapsed < timing.windowNanos());
            return fits * batches * BATCH * 1e9 / elapsed;
        });
        // What one more step costs, apart from what every fit costs once (replicas, threads, history):
        // the difference between a fit of three batches and a fit of one, on the calling thread.
        DataSet oneBatch = data.images().first(BATCH);
        DataSet threeBatches = data.images().first(3 * BATCH);
        long oneFit = allocationOf(() -> trainer.fit(oneBatch));
        long perStep = (allocationOf(() -> trainer.fit(threeBatches)) - oneFit) / 2;
        log.accept(String.format(Locale.ROOT,
                "# %s %s, %d thread(s): Trainer fits of %d batches; epoch loss %.3f at first, %.3f at last;"
                        + " %,d B allocated per fit besides %,d B per step",
                IMPL, network.id(), threads, batches, firstLoss, loss[0], oneFit - perStep, perStep));
        return new Result(IMPL, network.id(), threads, "train", measurement,
                MultiplyAdds.gigaflops(MultiplyAdds.training(model), measurement.value()), perStep);
    }

    private static long allocationOf(Runnable work) {
        long before = Allocations.allocatedBytes();
        work.run();
        return Allocations.allocatedBytes() - before;
    }

    /**
     * Training throughput through the {@link Model} contract alone ({@link DataParallelSgd}): the
     * generated passes and the update with no trainer around them, a bound for {@link #train}.
     */
    Result trainModelOnly(BenchNetwork network, int threads) {
        Model model = network.newModel(seed);
        int batches = data.size() / BATCH;
        try (DataParallelSgd sgd = new DataParallelSgd(model, threads, LEARNING_RATE, MOMENTUM, seed)) {
            long[] step = {0};
            double[] loss = {0};
            Runnable oneStep = () -> {
                int first = (int) (step[0] % batches) * BATCH;
                loss[0] = sgd.step(data.inputs(), data.labels(), first, BATCH);
                step[0]++;
            };
            oneStep.run();
            double firstLoss = loss[0];
            warmUp(oneStep);
            long[] bytes = {0};
            long[] steps = {0};
            Measurement measurement = Measurement.medianOf(timing.runs(), "images/s", () -> {
                long before = Allocations.allocatedBytes(sgd.workerThreadIds());
                long count = 0;
                long start = System.nanoTime();
                long elapsed;
                do {
                    oneStep.run();
                    count++;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < timing.windowNanos());
                bytes[0] += Allocations.allocatedBytes(sgd.workerThreadIds()) - before;
                steps[0] += count;
                return count * BATCH * 1e9 / elapsed;
            });
            log.accept(String.format(Locale.ROOT, "# %s %s, %d thread(s): batch loss %.3f at step 1, %.3f at step %d",
                    MODEL_ONLY, network.id(), threads, firstLoss, loss[0], step[0]));
            return new Result(MODEL_ONLY, network.id(), threads, "train", measurement,
                    MultiplyAdds.gigaflops(MultiplyAdds.training(model), measurement.value()), bytes[0] / steps[0]);
        }
    }

    /**
     * The median time of one {@link Model#forward(float[], int)} call on one image, in microseconds,
     * the pass split across {@code threads} threads ({@link Model#setIntraOpThreads(int)}).
     */
    Result latency(BenchNetwork network, int threads) {
        try (TimedSubject subject = latencySubject(network, threads)) {
            return subject.result(Measurement.medianOf(timing.runs(), "us", subject::run));
        }
    }

    /** {@code network} on {@code threads} threads, warmed up for one-image calls; closing it stops its helpers. */
    TimedSubject latencySubject(BenchNetwork network, int threads) {
        Model model = network.newModel(seed);
        model.setTraining(false);
        model.setIntraOpThreads(threads);
        float[] image = new float[model.inputSize()];
        System.arraycopy(data.inputs(), 0, image, 0, image.length);
        Runnable call = () -> model.forward(image, 0);
        warmUp(call);
        LatencyRun latency = new LatencyRun(timing, log).countingThreads(intraOpThreadIds(model));
        return new TimedSubject() {
            @Override
            public double run() {
                return latency.medianMicros(call);
            }

            @Override
            public Result result(Measurement measurement) {
                return new Result(IMPL, network.id(), threads, "latency", measurement, Double.NaN,
                        latency.allocatedBytes() / latency.totalCalls());
            }

            @Override
            public void close() {
                model.setIntraOpThreads(1);
            }
        };
    }

    /** The ids of the helper threads {@code model}'s one-sample pass runs on, found by their name. */
    private static long[] intraOpThreadIds(Model model) {
        String prefix = model.name() + "-intra-op-";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix))
                .mapToLong(Thread::getId)
                .toArray();
    }

    /** Inference throughput on batches of 256 images cut across {@code threads} replicas. */
    Result batch(BenchNetwork network, int threads) {
        try (TimedSubject subject = batchSubject(network, threads)) {
            return subject.result(Measurement.medianOf(timing.runs(), "images/s", subject::run));
        }
    }

    /** Batches of 256 images cut across {@code threads} replicas, warmed up; closing it stops the workers. */
    TimedSubject batchSubject(BenchNetwork network, int threads) {
        Model model = network.newModel(seed);
        ParallelInference inference = new ParallelInference(model, threads, data.inputs(), INFERENCE_BATCH);
        try {
            warmUp(inference::run);
        } catch (RuntimeException e) {
            inference.close();
            throw e;
        }
        return new TimedSubject() {
            private long bytes;
            private long calls;

            @Override
            public double run() {
                long before = Allocations.allocatedBytes(inference.workerThreadIds());
                long count = 0;
                long start = System.nanoTime();
                long elapsed;
                do {
                    inference.run();
                    count++;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < timing.windowNanos());
                bytes += Allocations.allocatedBytes(inference.workerThreadIds()) - before;
                calls += count;
                return count * INFERENCE_BATCH * 1e9 / elapsed;
            }

            @Override
            public Result result(Measurement measurement) {
                return new Result(IMPL, network.id(), threads, "batch256", measurement,
                        MultiplyAdds.gigaflops(MultiplyAdds.forward(model), measurement.value()), bytes / calls);
            }

            @Override
            public void close() {
                inference.close();
            }
        };
    }

    private void warmUp(Runnable work) {
        long start = System.nanoTime();
        do {
            work.run();
        } while (System.nanoTime() - start < timing.warmupNanos());
    }
}
