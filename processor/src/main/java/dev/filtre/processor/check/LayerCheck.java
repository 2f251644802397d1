package dev.filtre.processor.check;

import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.AnnotationSpec;
import java.util.Optional;

/**
 * The checks of one layer kind, in two steps as Keras builds a layer: the hyperparameters alone,
 * then the operation against the shape it receives. Each step reports what is wrong and returns
 * empty, so that later layers skip the checks that would depend on it.
 */
interface LayerCheck {
    /** The operation {@code annotation} declares, when its hyperparameters are valid. */
    Optional<Operation> operation(AnnotationSpec annotation, LayerDiagnostics diagnostics);

    /** The output shape, when {@code operation} fits {@code input}. */
    Optional<Shape> output(
            Operation operation, AnnotationSpec annotation, Input input, LayerDiagnostics diagnostics);
}
