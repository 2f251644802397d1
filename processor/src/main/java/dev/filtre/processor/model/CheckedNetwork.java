package dev.filtre.processor.model;

import java.util.List;

/**
 * A network whose every layer checked clean: what the writer turns into code.
 *
 * @param packageName the declaring interface's package, empty for the unnamed package
 * @param simpleNames the interface's simple name and those of its enclosing types, outermost
 *     first, e.g. {@code [Outer, Inner]}
 * @param input the shape of one input
 * @param layers the layers in source order
 */
public record CheckedNetwork(
        String packageName, List<String> simpleNames, Shape input, List<CheckedLayer> layers) {

    public CheckedNetwork {
        simpleNames = List.copyOf(simpleNames);
        layers = List.copyOf(layers);
    }

    /** The interface's simple name, e.g. {@code FashionNet}. */
    public String name() {
        return simpleNames.get(simpleNames.size() - 1);
    }

    /** The generated class's simple name: {@code FashionNetModel}, {@code Outer_InnerModel}. */
    public String modelSimpleName() {
        return String.join("_", simpleNames) + "Model";
    }

    /** The total number of learned values. */
    public long parameterCount() {
        return layers.stream().mapToLong(CheckedLayer::parameterCount).sum();
    }

    /** The shape of one output: the last layer's. */
    public Shape output() {
        return layers.get(layers.size() - 1).output();
    }
}
