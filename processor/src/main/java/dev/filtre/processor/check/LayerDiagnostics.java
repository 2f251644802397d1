package dev.filtre.processor.check;

import dev.filtre.processor.spec.AnnotationSpec;
import dev.filtre.processor.spec.Attribute;
import dev.filtre.processor.spec.LayerSpec;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * Reports about one layer into its sub-report, pointing as precisely as the source allows: at an
 * attribute when the user wrote it, else at the annotation, else at the method.
 */
final class LayerDiagnostics {
    private final LayerSpec layer;
    private final ValidationReport.Builder report;

    LayerDiagnostics(LayerSpec layer) {
        this.layer = layer;
        this.report = ValidationReport.about(layer.method());
    }

    /** The layer's name, which every message starts with. */
    String layerName() {
        return layer.name();
    }

    /** Reports on the method itself. */
    void onMethod(Message message, Object... arguments) {
        report.addItem(
                message.format(arguments),
                message.kind(),
                layer.method(),
                Optional.empty(),
                Optional.empty());
    }

    /** Reports on an annotation of the method. */
    void onAnnotation(Message message, AnnotationSpec annotation, Object... arguments) {
        report.addItem(
                message.format(arguments),
                message.kind(),
                layer.method(),
                Optional.of(annotation.mirror()),
                Optional.empty());
    }

    /** Reports on the attribute when it was written, else on its annotation. */
    void onAttribute(
            Message message, AnnotationSpec annotation, String attribute, Object... arguments) {
        Optional<AnnotationValue> value = annotation.attribute(attribute).flatMap(Attribute::written);
        report.addItem(
                message.format(arguments),
                message.kind(),
                layer.method(),
                Optional.of(annotation.mirror()),
                value);
    }

    ValidationReport build() {
        return report.build();
    }
}
