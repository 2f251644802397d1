package dev.filtre.processor.check;

import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.AnnotationSpec;
import java.util.Optional;

/**
 * An activation alone on its method, a layer of its own: any input, except that softmax needs a
 * vector.
 */
final class ActivationCheck implements LayerCheck {
    @Override
    public Optional<Operation> operation(AnnotationSpec annotation, LayerDiagnostics diagnostics) {
        return annotation.kind().activation().map(Operation.Standalone::new);
    }

    @Override
    public Optional<Shape> output(
            Operation operation, AnnotationSpec annotation, Input input, LayerDiagnostics diagnostics) {
        Activation activation = ((Operation.Standalone) operation).activation();
        return appliesTo(activation, annotation, input, diagnostics)
                ? Optional.of(input.shape())
                : Optional.empty();
    }

    /** Reports softmax on a volume; true when {@code activation} applies to {@code input}. */
    static boolean appliesTo(
            Activation activation, AnnotationSpec annotation, Input input, LayerDiagnostics diagnostics) {
        if (activation == Activation.SOFTMAX && input.shape().isVolume()) {
            diagnostics.onAnnotation(
                    Message.SOFTMAX_NEEDS_VECTOR, annotation, diagnostics.layerName(),
                    input.shape(), input.source());
            return false;
        }
        return true;
    }
}
