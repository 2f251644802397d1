/**
 * Training generated models: losses ({@link dev.filtre.runtime.train.Loss}: fused softmax +
 * cross-entropy, mean squared error), optimizers ({@link dev.filtre.runtime.train.Sgd}, PyTorch's
 * SGD with momentum and L2 weight decay), learning-rate schedules, the
 * {@link dev.filtre.runtime.train.Trainer} (Keras-style {@code fit} with seeded shuffling and
 * dropout, reproducible data parallelism, progress, NaN detection) and its
 * {@link dev.filtre.runtime.train.History} and {@link dev.filtre.runtime.train.Evaluation}, and
 * {@link dev.filtre.runtime.train.GradientCheck} to test backward passes.
 *
 * <pre>{@code
 * FashionNetModel model = new FashionNetModel();
 * model.initialize(42);
 * DataSet.Split split = FashionMnist.load().train().split(0.1, 42);
 * History history = Trainer.of(model)
 *         .optimizer(Sgd.withLearningRate(0.05).momentum(0.9).weightDecay(5e-4))
 *         .schedule(LearningRateSchedule.cosine())
 *         .batchSize(64).epochs(5).seed(42)
 *         .fit(split.train(), split.validation());
 * }</pre>
 */
package dev.filtre.runtime.train;
