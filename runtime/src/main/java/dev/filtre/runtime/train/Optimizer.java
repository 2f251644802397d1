package dev.filtre.runtime.train;

import dev.filtre.dsl.Model;

/**
 * Updates a model's parameters from its accumulated gradients.
 *
 * <p>Usable on its own, e.g. to train from a gradient the caller computes:
 *
 * <pre>{@code
 * model.zeroGradients();
 * model.forward(state, 0);
 * model.backward(gradientOfOutput, 0);
 * optimizer.step(model);
 * }</pre>
 *
 * An optimizer may hold state for one model (momentum): use one instance per model.
 */
public interface Optimizer {
    /** The base learning rate η. */
    double learningRate();

    /** Applies one update to {@link Model#parameters()} from {@link Model#gradients()} with rate η. */
    void step(Model model, double learningRate);

    /** Applies one update with the base {@link #learningRate()}. */
    default void step(Model model) {
        step(model, learningRate());
    }

    /** A new optimizer with the same settings and no state (no momentum yet). */
    Optimizer fresh();
}
