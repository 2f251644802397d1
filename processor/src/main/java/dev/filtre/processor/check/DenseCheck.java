package dev.filtre.processor.check;

import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.AnnotationSpec;
import java.util.Optional;

/** {@code @Dense}: a positive number of units; any input, a volume being flattened first. */
final class DenseCheck implements LayerCheck {
    @Override
    public Optional<Operation> operation(AnnotationSpec annotation, LayerDiagnostics diagnostics) {
        Optional<Integer> units = annotation.intValue("units");
        if (units.isEmpty()) {
            return Optional.empty(); // javac reported the missing or unresolved value
        }
        return Hyperparameters.positive(annotation, "units", units.get(), diagnostics)
                ? Optional.of(new Operation.Dense(units.get()))
                : Optional.empty();
    }

    @Override
    public Optional<Shape> output(
            Operation operation, AnnotationSpec annotation, Input input, LayerDiagnostics diagnostics) {
        return Optional.of(operation.outputShape(input.shape()));
    }
}
