package dev.filtre.processor.check;

import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.AnnotationSpec;
import java.util.Optional;

/** {@code @Dropout}: a drop probability in {@code [0, 1)}; any input, kept as it is. */
final class DropoutCheck implements LayerCheck {
    @Override
    public Optional<Operation> operation(AnnotationSpec annotation, LayerDiagnostics diagnostics) {
        Optional<Double> rate = annotation.doubleValue("value");
        if (rate.isEmpty()) {
            return Optional.empty(); // javac reported the missing or unresolved value
        }
        double value = rate.get();
        if (!(value >= 0 && value < 1)) {
            diagnostics.onAttribute(
                    Message.DROPOUT_RATE, annotation, "value", diagnostics.layerName(),
                    WindowCheck.decimal(value));
            return Optional.empty();
        }
        if (value == 0) {
            diagnostics.onAttribute(
                    Message.DROPOUT_DOES_NOTHING, annotation, "value", diagnostics.layerName());
        }
        return Optional.of(new Operation.Dropout(value));
    }

    @Override
    public Optional<Shape> output(
            Operation operation, AnnotationSpec annotation, Input input, LayerDiagnostics diagnostics) {
        return Optional.of(input.shape());
    }
}
