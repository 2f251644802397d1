package dev.filtre.processor.write;

import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Initializer;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds checked networks by hand, as the checker would: each layer's input is the previous
 * layer's output, He initialization for layers followed by ReLU, Glorot otherwise.
 */
final class Networks {
    private final String packageName;
    private final List<String> simpleNames;
    private final Shape input;
    private final List<CheckedLayer> layers = new ArrayList<>();
    private Shape current;

    private Networks(String packageName, List<String> simpleNames, Shape input) {
        this.packageName = packageName;
        this.simpleNames = simpleNames;
        this.input = input;
        this.current = input;
    }

    /** A network {@code test.<name>} reading samples of {@code input}. */
    static Networks network(String name, Shape input) {
        return new Networks("test", List.of(name), input);
    }

    /** A network declared by a nested interface, e.g. {@code [Outer, Inner]}. */
    static Networks nested(String packageName, List<String> simpleNames, Shape input) {
        return new Networks(packageName, simpleNames, input);
    }

    Networks layer(String name, Operation operation) {
        return add(name, operation, Optional.empty());
    }

    Networks layer(String name, Operation operation, Activation activation) {
        return add(name, operation, Optional.of(activation));
    }

    private Networks add(String name, Operation operation, Optional<Activation> activation) {
        Initializer initializer = !operation.hasParameters() ? Initializer.NONE
                : activation.equals(Optional.of(Activation.RELU)) ? Initializer.HE_UNIFORM
                : Initializer.GLOROT_UNIFORM;
        Shape output = operation.outputShape(current);
        layers.add(new CheckedLayer(name, layers.size(), operation, activation, current, output, initializer));
        current = output;
        return this;
    }

    CheckedNetwork build() {
        return new CheckedNetwork(packageName, simpleNames, input, layers);
    }

    /** The declaring interface's source: one {@code Layer name()} per layer, nesting as named. */
    static String interfaceSource(CheckedNetwork network) {
        StringBuilder source = new StringBuilder();
        if (!network.packageName().isEmpty()) {
            source.append("package ").append(network.packageName()).append(";\n\n");
        }
        source.append("import dev.filtre.dsl.Layer;\n\n");
        List<String> names = network.simpleNames();
        for (int i = 0; i < names.size(); i++) {
            source.append(i == 0 ? "public " : "").append("interface ").append(names.get(i)).append(" {\n");
        }
        for (CheckedLayer layer : network.layers()) {
            source.append("    Layer ").append(layer.name()).append("();\n");
        }
        source.append("}\n".repeat(names.size()));
        return source.toString();
    }
}
