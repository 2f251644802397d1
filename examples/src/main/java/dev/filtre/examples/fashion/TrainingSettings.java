package dev.filtre.examples.fashion;

import dev.filtre.dsl.Model;
import dev.filtre.runtime.train.ProgressListener;
import dev.filtre.runtime.train.Sgd;
import dev.filtre.runtime.train.Trainer;

/**
 * How the demo trains: SGD with momentum and weight decay (PyTorch's {@code torch.optim.SGD}),
 * mini-batches, a learning-rate schedule, a seed for the initialization, the shuffles and the
 * dropout masks, and the number of threads sharing each batch.
 */
public record TrainingSettings(
        int epochs,
        int batchSize,
        double learningRate,
        double momentum,
        double weightDecay,
        Schedule schedule,
        long seed,
        int threads) {

    /** The demo's defaults: 5 epochs of batches of 64, rate 0.05 with momentum 0.9 and cosine decay. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(5, 64, 0.05, 0.9, 5e-4, Schedule.COSINE, 42,
                Runtime.getRuntime().availableProcessors());
    }

    /** A trainer for {@code model} with these settings. */
    public Trainer trainer(Model model, ProgressListener progress) {
        return Trainer.of(model)
                .optimizer(Sgd.withLearningRate(learningRate).momentum(momentum).weightDecay(weightDecay))
                .schedule(schedule.toRuntime())
                .batchSize(batchSize)
                .epochs(epochs)
                .seed(seed)
                .threads(threads)
                .progress(progress);
    }

    /** One line, e.g. {@code 5 epochs, batches of 64, SGD rate 0.05 (cosine) momentum 0.9 ...}. */
    public String describe() {
        return String.format("%d epoch%s, batches of %d, SGD rate %s (%s schedule), momentum %s, weight decay %s,"
                        + " seed %d, %d thread%s",
                epochs, epochs == 1 ? "" : "s", batchSize, learningRate, schedule, momentum, weightDecay, seed,
                threads, threads == 1 ? "" : "s");
    }
}
