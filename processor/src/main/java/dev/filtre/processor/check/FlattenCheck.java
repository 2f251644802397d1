package dev.filtre.processor.check;

import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.AnnotationSpec;
import java.util.Optional;

/** {@code @Flatten}: any input; a warning when it is a vector already. */
final class FlattenCheck implements LayerCheck {
    @Override
    public Optional<Operation> operation(AnnotationSpec annotation, LayerDiagnostics diagnostics) {
        return Optional.of(new Operation.Flatten());
    }

    @Override
    public Optional<Shape> output(
            Operation operation, AnnotationSpec annotation, Input input, LayerDiagnostics diagnostics) {
        if (input.shape().isVector()) {
            diagnostics.onAnnotation(
                    Message.FLATTEN_DOES_NOTHING, annotation, diagnostics.layerName(), input.shape());
        }
        return Optional.of(operation.outputShape(input.shape()));
    }
}
