package dev.filtre.runtime.train;

import dev.filtre.dsl.Model;

/**
 * An optimizer whose update of each parameter reads only that parameter, its gradient and its own
 * state, so that a step can be shared out: {@link #beginStep} once, then {@link #update} on
 * disjoint ranges that together cover every parameter, each range on any thread. The result is
 * {@link #step(Model, double)}'s, bit for bit, however the ranges are cut. The {@link Trainer}
 * on several threads has each thread add up and update its own range of the parameters.
 */
public interface ElementwiseOptimizer extends Optimizer {
    /**
     * Begins one step of rate {@code learningRate} on {@code model}: binds this optimizer's state
     * to the model's parameters on the first call and counts the step. Call it from one thread,
     * before the step's {@link #update}s (which may run on other threads once a happens-before
     * edge, such as a thread hand-off, publishes it).
     */
    void beginStep(Model model, double learningRate);

    /** Applies the begun step to {@link Model#parameters()} {@code [from, to)}. */
    void update(Model model, int from, int to);

    @Override
    default void step(Model model, double learningRate) {
        beginStep(model, learningRate);
        update(model, 0, model.parameters().length);
    }
}
