package dev.filtre.runtime.train;

import dev.filtre.dsl.Model;
import dev.filtre.runtime.data.DataSet;
import dev.filtre.runtime.data.Permutations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trains a model on a data set in mini-batches, as Keras's {@code fit} does:
 *
 * <pre>{@code
 * model.initialize(42);
 * History history = Trainer.of(model)
 *         .optimizer(Sgd.withLearningRate(0.05).momentum(0.9).weightDecay(5e-4))
 *         .batchSize(64)
 *         .epochs(5)
 *         .seed(42)
 *         .fit(split.train(), split.validation());
 * Evaluation test = Trainer.evaluate(model, fashion.test());
 * }</pre>
 *
 * <p>Each epoch visits every training sample once, in an order shuffled from the seed (see
 * {@link Seeds}); the last batch may be smaller. For each batch the model is in training mode
 * (dropout on, each sample's mask seeded from the seed, the step and its position in the batch),
 * the loss's gradient, divided by the batch size, is back-propagated sample by sample, and the
 * optimizer takes one step at the rate the {@link LearningRateSchedule} gives. After each epoch the
 * validation set, if any, is evaluated without dropout. {@code fit} trains the model's current
 * parameters (call {@link Model#initialize(long)} first for a fresh start) and leaves it in
 * evaluation mode.
 *
 * <p>With {@link #threads(int) threads(n)} the batch is shared by {@code n} threads, each with a
 * {@link Model#replica()}; gradients are reduced in a fixed order, so a run depends only on the
 * seed and the thread count, not on timing. With an {@link ElementwiseOptimizer} ({@link Sgd},
 * {@link Adam}) each thread adds up and updates its own range of the parameters; another optimizer
 * steps on the calling thread once the gradients are added up. The threads live for one {@code fit} (or {@code
 * evaluate}) and end with it; the replicas are kept for the next fits of the trainers made from the
 * same {@link #of(Model)}.
 *
 * <p>Once a fit has begun, a training step allocates nothing on the heap besides what the model's
 * own passes do (the per-epoch shuffle, the validation and the {@link History} are allocated once
 * per epoch); a {@link ProgressListener} called after every batch should not allocate either
 * (the console's bar formats a line at most ten times a second).
 *
 * <p>Training stops with a {@link NonFiniteException} naming the first layer that produced a NaN
 * or an infinity when a loss is not finite; a data set holding a NaN or an infinity is refused
 * before training with an {@link IllegalArgumentException} naming the sample.
 *
 * <p>A {@code Trainer}'s settings are immutable (each setter returns a new trainer); the optimizer
 * instance it holds keeps its state (momentum) from one {@code fit} to the next.
 */
public final class Trainer {
    private final Model model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final int batchSize;
    private final int epochs;
    private final long seed;
    private final int threads;
    private final LearningRateSchedule schedule;
    private final ProgressListener progress;
    /** Shared by every trainer made from one {@link #of(Model)}: a fit reuses the previous one's replicas. */
    private final ReplicaPool replicas;

    private Trainer(Model model, Optimizer optimizer, Loss loss, int batchSize, int epochs, long seed, int threads,
            LearningRateSchedule schedule, ProgressListener progress, ReplicaPool replicas) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.batchSize = batchSize;
        this.epochs = epochs;
        this.seed = seed;
        this.threads = threads;
        this.schedule = schedule;
        this.progress = progress;
        this.replicas = replicas;
    }

    /**
     * A trainer for {@code model} with the defaults: {@code Sgd.withLearningRate(0.01)}, softmax
     * cross-entropy, batches of 32, 1 epoch, seed 0, 1 thread, a constant learning rate, progress
     * on the console.
     */
    public static Trainer of(Model model) {
        return new Trainer(model, Sgd.withLearningRate(0.01), Loss.softmaxCrossEntropy(), 32, 1, 0, 1,
                LearningRateSchedule.constant(), ProgressListener.console(), new ReplicaPool(model));
    }

    /** The same trainer with another optimizer. */
    public Trainer optimizer(Optimizer optimizer) {
        return new Trainer(model, optimizer, loss, batchSize, epochs, seed, threads, schedule, progress, replicas);
    }

    /** The same trainer with another loss, e.g. {@link Loss#meanSquaredError()} for regression. */
    public Trainer loss(Loss loss) {
        return new Trainer(model, optimizer, loss, batchSize, epochs, seed, threads, schedule, progress, replicas);
    }

    /** The same trainer with {@code batchSize} samples per optimizer step. */
    public Trainer batchSize(int batchSize) {
        requirePositive("batch size", batchSize);
        return new Trainer(model, optimizer, loss, batchSize, epochs, seed, threads, schedule, progress, replicas);
    }

    /** The same trainer running {@code epochs} passes over the training set. */
    public Trainer epochs(int epochs) {
        requirePositive("epoch count", epochs);
        return new Trainer(model, optimizer, loss, batchSize, epochs, seed, threads, schedule, progress, replicas);
    }

    /** The same trainer with another seed for shuffling and dropout (see {@link Seeds}). */
    public Trainer seed(long seed) {
        return new Trainer(model, optimizer, loss, batchSize, epochs, seed, threads, schedule, progress, replicas);
    }

    /** The same trainer sharing each batch among {@code threads} threads. */
    public Trainer threads(int threads) {
        requirePositive("thread count", threads);
        return new Trainer(model, optimizer, loss, batchSize, epochs, seed, threads, schedule, progress, replicas);
    }

    /** The same trainer with a learning-rate schedule. */
    public Trainer schedule(LearningRateSchedule schedule) {
        return new Trainer(model, optimizer, loss, batchSize, epochs, seed, threads, schedule, progress, replicas);
    }

    /** The same trainer reporting to {@code progress}, e.g. {@link ProgressListener#silent()}. */
    public Trainer progress(ProgressListener progress) {
        return new Trainer(model, optimizer, loss, batchSize, epochs, seed, threads, schedule, progress, replicas);
    }

    /** Trains on {@code train} without validation. */
    public History fit(DataSet train) {
        return fit(train, null);
    }

    /**
     * Trains on {@code train}, evaluating on {@code validation} (may be null) after every epoch.
     *
     * @throws IllegalArgumentException when a data set does not fit the model or the loss, or holds
     *     a NaN or an infinity (naming the sample)
     * @throws NonFiniteException when a loss becomes NaN or infinite (naming the layer)
     */
    public History fit(DataSet train, DataSet validation) {
        checkFits(train, "training set");
        InputChecks.requireFinite(train, "training set");
        if (validation != null) {
            checkFits(validation, "validation set");
            InputChecks.requireFinite(validation, "validation set");
        }
        int stepsPerEpoch = (train.size() + batchSize - 1) / batchSize;
        long totalSteps = (long) stepsPerEpoch * epochs;
        List<EpochResult> results = new ArrayList<>();
        long step = 0;
        try (Workers workers = new Workers(model, replicas, threads)) {
            BatchStep batchStep = new BatchStep(train, Seeds.derive(seed, Seeds.DROPOUT));
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long start = System.nanoTime();
                progress.epochStarted(epoch, epochs, train.size());
                workers.setTraining(true);
                int[] order = Permutations.shuffled(train.size(), Seeds.derive(seed, Seeds.SHUFFLE, epoch - 1));
                double lossSum = 0;
                long correct = 0;
                double rate = optimizer.learningRate();
                for (int batchStart = 0; batchStart < train.size(); batchStart += batchSize, step++) {
                    int batchEnd = Math.min(batchStart + batchSize, train.size());
                    batchStep.prepare(order, batchStart, batchEnd, epoch, step);
                    workers.run(batchEnd - batchStart, batchStep);
                    rate = schedule.rate(optimizer.learningRate(), step, stepsPerEpoch, totalSteps);
                    if (optimizer instanceof ElementwiseOptimizer elementwise) {
                        elementwise.beginStep(model, rate);
                        workers.reduceAndUpdate(elementwise);
                    } else {
                        workers.reduceGradients();
                        optimizer.step(model, rate);
                    }
                    for (Worker worker : workers.all()) {
                        lossSum += worker.lossSum;
                        correct += worker.correct;
                    }
                    progress.batchFinished(epoch, epochs, batchEnd, train.size(), lossSum / batchEnd,
                            loss.usesLabels() ? (double) correct / batchEnd : Double.NaN);
                }
                Evaluation validated = validation == null ? null : evaluate(workers, validation, "validation set");
                EpochResult result = new EpochResult(epoch, lossSum / train.size(),
                        loss.usesLabels() ? (double) correct / train.size() : Double.NaN,
                        validated == null ? Double.NaN : validated.loss(),
                        validated == null ? Double.NaN : validated.accuracy(),
                        rate, Duration.ofNanos(System.nanoTime() - start));
                results.add(result);
                progress.epochFinished(result, epochs);
            }
            workers.setTraining(false);
        }
        return new History(results);
    }

    /**
     * One training step's work for each worker, made once per fit and prepared before every step,
     * so that a step allocates nothing (a lambda capturing the step's values would be a new object
     * each time). The fields set by {@link #prepare} reach the other threads through {@link
     * Workers#run}'s hand-off.
     */
    private final class BatchStep implements Workers.ChunkTask {
        private final DataSet data;
        /** {@code derive(seed, DROPOUT)}, extended by the step and the position for each sample. */
        private final long dropoutSeed;
        private int[] order;
        private int batchStart;
        private double scale;
        private int epoch;
        private long step;
        private long stepSeed;

        BatchStep(DataSet data, long dropoutSeed) {
            this.data = data;
            this.dropoutSeed = dropoutSeed;
        }

        /** Sets the batch {@code order[batchStart..batchEnd)} trained at {@code step} (from 0). */
        void prepare(int[] order, int batchStart, int batchEnd, int epoch, long step) {
            this.order = order;
            this.batchStart = batchStart;
            this.scale = 1.0 / (batchEnd - batchStart);
            this.epoch = epoch;
            this.step = step;
            this.stepSeed = Seeds.extend(dropoutSeed, step);
        }

        /**
         * The worker's samples {@code [from, to)} of the batch as one mini-batch pass of the model:
         * gathered into the worker's buffer with their dropout seeds, forward, the loss of each,
         * backward.
         */
        @Override
        public void run(Worker worker, int from, int to) {
            Model m = worker.model;
            m.zeroGradients();
            worker.resetMeasures();
            int count = to - from;
            if (count == 0) {
                return;
            }
            int inputSize = m.inputSize();
            int outputSize = m.outputSize();
            worker.ensureBatch(count);
            for (int k = 0; k < count; k++) {
                int sample = order[batchStart + from + k];
                System.arraycopy(data.inputs(), data.inputOffset(sample), worker.batchInputs, k * inputSize,
                        inputSize);
                worker.batchSeeds[k] = Seeds.extend(stepSeed, from + k);
            }
            float[] outputs = m.forwardBatch(worker.batchInputs, 0, count, worker.batchSeeds);
            float[] values = loss.readsLogits() ? m.batchLogits() : outputs;
            for (int k = 0; k < count; k++) {
                int sample = order[batchStart + from + k];
                double sampleLoss = loss.sampleLoss(values, k * outputSize, outputSize, data, sample,
                        worker.batchGradient, k * outputSize, scale);
                if (!Double.isFinite(sampleLoss)) {
                    throw nonFinite(m, sampleLoss, "training stopped at epoch " + epoch + ", step " + (step + 1)
                            + ": the loss of training sample " + sample + " is " + sampleLoss, sample,
                            " Lower the learning rate (the base rate is " + optimizer.learningRate()
                                    + ") or check the initialization.");
                }
                worker.lossSum += sampleLoss;
                if (loss.usesLabels() && Worker.argmax(values, k * outputSize, outputSize) == data.label(sample)) {
                    worker.correct++;
                }
            }
            if (loss.readsLogits()) {
                m.backwardBatchFromLogits(worker.batchGradient, 0, count);
            } else {
                m.backwardBatch(worker.batchGradient, 0, count);
            }
        }
    }

    /** Measures the model on {@code data} with this trainer's loss and threads, without dropout. */
    public Evaluation evaluate(DataSet data) {
        checkFits(data, "data set");
        InputChecks.requireFinite(data, "data set");
        try (Workers workers = new Workers(model, replicas, threads)) {
            return evaluate(workers, data, "data set");
        }
    }

    /**
     * Measures {@code model} on {@code data} on one thread, without dropout: with softmax
     * cross-entropy (loss, accuracy and confusion matrix) when the data set has labels, with the
     * mean squared error when it has targets.
     */
    public static Evaluation evaluate(Model model, DataSet data) {
        Loss loss = data.hasLabels() ? Loss.softmaxCrossEntropy() : Loss.meanSquaredError();
        return of(model).loss(loss).progress(ProgressListener.silent()).evaluate(data);
    }

    private static final int EVALUATION_CHUNK = 1024;
    /** Samples a worker runs through its model at once when evaluating. */
    private static final int EVALUATION_BATCH = 64;

    private Evaluation evaluate(Workers workers, DataSet data, String role) {
        workers.setTraining(false);
        boolean classify = loss.usesLabels();
        for (Worker worker : workers.all()) {
            worker.confusion = classify ? new ConfusionMatrix(data.classNames()) : null;
        }
        double lossSum = 0;
        long correct = 0;
        for (int chunkStart = 0; chunkStart < data.size(); chunkStart += EVALUATION_CHUNK) {
            int start = chunkStart;
            int count = Math.min(EVALUATION_CHUNK, data.size() - start);
            workers.run(count, (worker, from, to) -> {
                Model m = worker.model;
                int outputSize = m.outputSize();
                worker.resetMeasures();
                for (int first = start + from; first < start + to; first += EVALUATION_BATCH) {
                    int samples = Math.min(EVALUATION_BATCH, start + to - first);
                    float[] outputs = m.forwardBatch(data.inputs(), data.inputOffset(first), samples, null);
                    float[] values = loss.readsLogits() ? m.batchLogits() : outputs;
                    for (int k = 0; k < samples; k++) {
                        int sample = first + k;
                        double sampleLoss = loss.sampleLoss(values, k * outputSize, outputSize, data, sample,
                                worker.lossGradient, 0, 1);
                        if (!Double.isFinite(sampleLoss)) {
                            throw nonFinite(m, sampleLoss, "evaluation of the " + role + " failed: the loss of sample "
                                    + sample + " is " + sampleLoss, sample, " Check the weights for NaN or infinity.");
                        }
                        worker.lossSum += sampleLoss;
                        if (classify) {
                            int predicted = Worker.argmax(values, k * outputSize, outputSize);
                            worker.confusion.add(data.label(sample), predicted);
                            if (predicted == data.label(sample)) {
                                worker.correct++;
                            }
                        }
                    }
                }
            });
            for (Worker worker : workers.all()) {
                lossSum += worker.lossSum;
                correct += worker.correct;
            }
        }
        ConfusionMatrix confusion = null;
        if (classify) {
            confusion = new ConfusionMatrix(data.classNames());
            for (Worker worker : workers.all()) {
                confusion.addAll(worker.confusion);
            }
        }
        return new Evaluation(lossSum / data.size(), classify ? (double) correct / data.size() : Double.NaN,
                confusion, data.size());
    }

    private static NonFiniteException nonFinite(Model m, double sampleLoss, String what, int sample, String advice) {
        int layer = m.firstNonFiniteLayer();
        if (layer < 0) {
            return new NonFiniteException(what + "; every layer's output is finite, so the loss itself overflowed."
                    + advice, null, sample);
        }
        String name = m.layers().get(layer).name();
        return new NonFiniteException(what + "; layer " + name + " (number " + layer + ", "
                + m.layers().get(layer).kind() + ") is the first to output a NaN or an infinity." + advice, name, sample);
    }

    private void checkFits(DataSet data, String role) {
        if (data.inputSize() != model.inputSize()) {
            throw new IllegalArgumentException("the " + role + "'s samples have shape " + Arrays.toString(data.sampleShape())
                    + " (" + data.inputSize() + " values), model " + model.name() + " takes "
                    + Arrays.toString(model.inputShape()) + " (" + model.inputSize() + " values)");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("the " + role + " is empty");
        }
        if (loss.usesLabels() != data.hasLabels()) {
            throw new IllegalArgumentException("the loss (" + loss + ") needs " + (loss.usesLabels() ? "class labels"
                    : "targets") + " but the " + role + " has " + (data.hasLabels() ? "class labels" : "targets"));
        }
        if (data.hasLabels() && data.classCount() != model.outputSize()) {
            throw new IllegalArgumentException("the " + role + " has " + data.classCount() + " classes, model "
                    + model.name() + " outputs " + model.outputSize() + " values");
        }
        if (data.hasTargets() && data.targetSize() != model.outputSize()) {
            throw new IllegalArgumentException("the " + role + " has " + data.targetSize() + " targets per sample, model "
                    + model.name() + " outputs " + model.outputSize() + " values");
        }
    }

    private static void requirePositive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, is " + value);
        }
    }
}
