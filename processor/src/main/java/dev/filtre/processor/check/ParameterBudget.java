package dev.filtre.processor.check;

import dev.filtre.processor.spec.Attribute;
import dev.filtre.processor.spec.NetworkSpec;
import dev.filtre.dsl.Network;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code @Network(maxParameters = ...)}: a valid limit, and a network within it; every network's
 * parameters must also fit in the one array {@code Model.parameters()} returns.
 */
final class ParameterBudget {
    private ParameterBudget() {}

    /** The limit, when one is given and valid; reports an invalid one. */
    static Optional<Long> limit(NetworkSpec network, NetworkDiagnostics diagnostics) {
        Optional<Attribute> attribute = network.maxParameters();
        if (attribute.isEmpty() || !(attribute.get().value() instanceof Long limit)) {
            return Optional.empty();
        }
        if (limit == Network.NO_LIMIT) {
            return Optional.empty();
        }
        if (limit <= 0) {
            diagnostics.onValue(Message.MAX_PARAMETERS_INVALID, attribute.get().written(), limit);
            return Optional.empty();
        }
        return Optional.of(limit);
    }

    /** Reports a network over its limit or over an array's capacity, listing every layer's count. */
    static void check(
            NetworkSpec network,
            Optional<Long> limit,
            List<LayerDraft> layers,
            NetworkDiagnostics diagnostics) {
        if (layers.stream().anyMatch(layer -> layer.parameterCount().isEmpty())) {
            return; // a shape is unknown: the count would be wrong
        }
        long total = layers.stream().mapToLong(layer -> layer.parameterCount().get()).sum();
        if (total > Hyperparameters.LARGEST_ARRAY) {
            diagnostics.onAnnotation(
                    Message.TOO_MANY_PARAMETERS_FOR_AN_ARRAY,
                    network.name(), total, Hyperparameters.LARGEST_ARRAY, table(layers, total));
        } else if (limit.isPresent() && total > limit.get()) {
            diagnostics.onValue(
                    Message.TOO_MANY_PARAMETERS, network.maxParameters().get().written(),
                    network.name(), total, limit.get(), table(layers, total));
        }
    }

    /**
     * Each layer's count, then the total, on one line: compilers indent the lines of a multi-line
     * message differently.
     */
    static String table(List<LayerDraft> layers, long total) {
        StringBuilder table = new StringBuilder();
        for (LayerDraft layer : layers) {
            table.append(entry(layer.name(), layer.parameterCount().get())).append("; ");
        }
        return table.append(entry("total", total)).toString();
    }

    private static String entry(String name, long count) {
        return String.format(Locale.ROOT, "%s %,d", name, count);
    }
}
