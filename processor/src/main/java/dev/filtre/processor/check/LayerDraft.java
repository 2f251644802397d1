package dev.filtre.processor.check;

import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.AnnotationSpec;
import dev.filtre.processor.spec.LayerSpec;
import java.util.Optional;

/**
 * One layer while the network is being checked: what is known of it so far. Anything that is not
 * known (because of an error reported here or earlier) is empty, so later checks skip it.
 */
final class LayerDraft {
    final LayerSpec spec;
    final LayerDiagnostics diagnostics;
    /** The annotation that declares the layer: a layer annotation, or a standalone activation. */
    Optional<AnnotationSpec> declaring = Optional.empty();
    /** The activation annotation applied as part of the layer. */
    Optional<AnnotationSpec> fused = Optional.empty();
    Optional<Operation> operation = Optional.empty();
    Optional<Input> input = Optional.empty();
    Optional<Shape> output = Optional.empty();

    LayerDraft(LayerSpec spec) {
        this.spec = spec;
        this.diagnostics = new LayerDiagnostics(spec);
    }

    String name() {
        return spec.name();
    }

    /** The activation fused into this layer. */
    Optional<Activation> fusedActivation() {
        return fused.flatMap(annotation -> annotation.kind().activation());
    }

    /** The activation this layer ends with: its fused one, or itself when it is one. */
    Optional<Activation> lastActivation() {
        if (operation.orElse(null) instanceof Operation.Standalone standalone) {
            return Optional.of(standalone.activation());
        }
        return fusedActivation();
    }

    /** The annotation declaring the activation this layer ends with. */
    Optional<AnnotationSpec> lastActivationAnnotation() {
        return operation.orElse(null) instanceof Operation.Standalone ? declaring : fused;
    }

    /** True when this layer is the standalone activation {@code activation}. */
    boolean isStandalone(Activation activation) {
        return operation.orElse(null) instanceof Operation.Standalone standalone
                && standalone.activation() == activation;
    }

    /** True when the operation and both shapes are known. */
    boolean isComplete() {
        return operation.isPresent() && input.isPresent() && output.isPresent();
    }

    /** The parameter count, when the layer checked clean against its input. */
    Optional<Long> parameterCount() {
        if (!isComplete()) {
            return Optional.empty();
        }
        return Optional.of(operation.get().parameterCount(input.get().shape()));
    }
}
