package dev.filtre.processor.check;

import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.Attribute;
import dev.filtre.processor.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;

/** {@code @Network(input = ...)}: three positive dimensions for a volume, or one for a vector. */
final class InputCheck {
    private static final List<String> VOLUME_DIMENSIONS = List.of("channels", "height", "width");

    private InputCheck() {}

    /** The input shape, when it is valid; reports why not. */
    static Optional<Shape> shape(NetworkSpec network, NetworkDiagnostics diagnostics) {
        if (network.input().isEmpty()) {
            return Optional.empty(); // javac reported the missing or unresolved value
        }
        Attribute input = network.input().get();
        List<AnnotationValue> values = new ArrayList<>();
        for (Object value : (List<?>) input.value()) {
            values.add((AnnotationValue) value);
        }
        List<Integer> dims = new ArrayList<>();
        for (AnnotationValue value : values) {
            if (!(value.getValue() instanceof Integer dimension)) {
                return Optional.empty(); // javac reported the unresolved value
            }
            dims.add(dimension);
        }
        String written = dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
        if (dims.size() != 1 && dims.size() != 3) {
            diagnostics.onValue(Message.INPUT_RANK, input.written(), written, dims.size());
            return Optional.empty();
        }
        boolean valid = true;
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i) <= 0) {
                String dimension = dims.size() == 1 ? "size" : VOLUME_DIMENSIONS.get(i);
                diagnostics.onValue(
                        Message.INPUT_NOT_POSITIVE, Optional.of(values.get(i)), written, dimension, dims.get(i));
                valid = false;
            }
        }
        if (!valid) {
            return Optional.empty();
        }
        long size = dims.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
        if (size > Hyperparameters.LARGEST_ARRAY) {
            diagnostics.onValue(
                    Message.INPUT_TOO_LARGE, input.written(), written, size, Hyperparameters.LARGEST_ARRAY);
            return Optional.empty();
        }
        return Optional.of(dims.size() == 1
                ? Shape.vector(dims.get(0))
                : Shape.volume(dims.get(0), dims.get(1), dims.get(2)));
    }
}
