package dev.filtre.runtime.train;

import dev.filtre.dsl.Model;

/** The trainer the training tests share: SGD with momentum and weight decay, batches of 16, silent. */
final class TestTrainers {
    private TestTrainers() {}

    /** SGD 0.05, momentum 0.9, weight decay 5e-4, batches of 16, seed 42, no progress output. */
    static Trainer sgd(Model model) {
        return Trainer.of(model)
                .optimizer(Sgd.withLearningRate(0.05).momentum(0.9).weightDecay(5e-4))
                .batchSize(16)
                .seed(42)
                .progress(ProgressListener.silent());
    }
}
