package dev.filtre.processor.model;

import java.util.Optional;

/**
 * One layer after checking: every shape resolved and valid.
 *
 * @param name the declaring method's name, e.g. {@code conv1}
 * @param index the position in the network, from 0
 * @param operation what the layer computes
 * @param activation the activation declared on the same method and applied right after, if any
 * @param input the input shape as declared by the previous layer (a volume for a dense layer that
 *     flattens it)
 * @param output the output shape
 * @param initializer how the weights are drawn
 */
public record CheckedLayer(
        String name,
        int index,
        Operation operation,
        Optional<Activation> activation,
        Shape input,
        Shape output,
        Initializer initializer) {

    /** The number of learned values. */
    public long parameterCount() {
        return operation.parameterCount(input);
    }

    /** True when a dense layer receives a volume and flattens it first. */
    public boolean flattensInput() {
        return operation instanceof Operation.Dense && input.isVolume();
    }

    /** The weight tensor's shape in PyTorch's order, empty when the layer learns nothing. */
    public int[] weightShape() {
        if (operation instanceof Operation.Conv conv) {
            return new int[] {conv.filters(), input.channels(), conv.size(), conv.size()};
        }
        if (operation instanceof Operation.Dense dense) {
            return new int[] {dense.units(), input.size()};
        }
        return new int[0];
    }

    /** The bias's shape, empty when the layer learns nothing. */
    public int[] biasShape() {
        if (operation instanceof Operation.Conv conv) {
            return new int[] {conv.filters()};
        }
        if (operation instanceof Operation.Dense dense) {
            return new int[] {dense.units()};
        }
        return new int[0];
    }

    /** The number of weights (without the bias). */
    public int weightCount() {
        return product(weightShape());
    }

    /** The number of biases. */
    public int biasCount() {
        return product(biasShape());
    }

    /** {@code Conv 32@3x3 s1 p1 + ReLU}. */
    public String describe() {
        return operation.describe() + activation.map(a -> " + " + a.displayName()).orElse("");
    }

    private static int product(int[] dims) {
        if (dims.length == 0) {
            return 0;
        }
        int product = 1;
        for (int d : dims) {
            product *= d;
        }
        return product;
    }
}
