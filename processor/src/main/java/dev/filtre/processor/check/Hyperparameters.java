package dev.filtre.processor.check;

import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.AnnotationSpec;
import java.util.Optional;

/** Checks shared by several layer kinds. */
final class Hyperparameters {
    /** The most values a Java array holds on common virtual machines. */
    static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private Hyperparameters() {}

    /** Reports {@code value} unless it is at least 1; true when it is. */
    static boolean positive(
            AnnotationSpec annotation, String attribute, int value, LayerDiagnostics diagnostics) {
        if (value > 0) {
            return true;
        }
        diagnostics.onAttribute(
                Message.NOT_POSITIVE, annotation, attribute,
                diagnostics.layerName(), attribute, value, attribute);
        return false;
    }

    /** Warns about a window that moves by more than its size, leaving input pixels unread. */
    static void warnIfSkipping(
            AnnotationSpec annotation, int size, int stride, LayerDiagnostics diagnostics) {
        if (stride > size) {
            diagnostics.onAttribute(
                    Message.WINDOW_SKIPS_INPUT, annotation, "stride",
                    diagnostics.layerName(), stride, size, stride - size, stride, size);
        }
    }

    /** Reports a window layer that receives a vector; true when the input is a volume. */
    static boolean isVolume(AnnotationSpec annotation, Input input, LayerDiagnostics diagnostics) {
        if (input.shape().isVolume()) {
            return true;
        }
        diagnostics.onAnnotation(
                Message.NEEDS_VOLUME, annotation, diagnostics.layerName(),
                annotation.kind().simpleName(), input.shape(), input.source());
        return false;
    }

    /** Reports an output too large for one array; the shape when it fits. */
    static Optional<Shape> fitsAnArray(Shape output, LayerDiagnostics diagnostics) {
        long values = 1;
        for (int dimension : output.dims()) {
            values *= dimension;
        }
        if (values > LARGEST_ARRAY) {
            diagnostics.onMethod(
                    Message.SHAPE_TOO_LARGE, diagnostics.layerName(), output, values, LARGEST_ARRAY);
            return Optional.empty();
        }
        return Optional.of(output);
    }
}
