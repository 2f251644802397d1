package dev.filtre.processor.check;

import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.AnnotationSpec;
import java.util.Optional;

/** {@code @Conv}: positive filters, size and stride, a pad of 0 or more, and a window that fits. */
final class ConvCheck implements LayerCheck {
    @Override
    public Optional<Operation> operation(AnnotationSpec annotation, LayerDiagnostics diagnostics) {
        Optional<Integer> filters = annotation.intValue("filters");
        Optional<Integer> size = annotation.intValue("size");
        Optional<Integer> stride = annotation.intValue("stride");
        Optional<Integer> pad = annotation.intValue("pad");
        Optional<Boolean> floor = annotation.booleanValue("floor");
        if (filters.isEmpty() || size.isEmpty() || stride.isEmpty() || pad.isEmpty() || floor.isEmpty()) {
            return Optional.empty(); // javac reported the missing or unresolved value
        }
        boolean valid = Hyperparameters.positive(annotation, "filters", filters.get(), diagnostics)
                & Hyperparameters.positive(annotation, "size", size.get(), diagnostics)
                & Hyperparameters.positive(annotation, "stride", stride.get(), diagnostics);
        if (pad.get() < 0) {
            diagnostics.onAttribute(
                    Message.NEGATIVE_PAD, annotation, "pad", diagnostics.layerName(), pad.get());
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        Hyperparameters.warnIfSkipping(annotation, size.get(), stride.get(), diagnostics);
        if (pad.get() >= size.get()) {
            diagnostics.onAttribute(
                    Message.PAD_NOT_SMALLER_THAN_SIZE, annotation, "pad",
                    diagnostics.layerName(), pad.get(), size.get(), size.get() - 1);
        }
        return Optional.of(new Operation.Conv(filters.get(), size.get(), stride.get(), pad.get(), floor.get()));
    }

    @Override
    public Optional<Shape> output(
            Operation operation, AnnotationSpec annotation, Input input, LayerDiagnostics diagnostics) {
        Operation.Conv conv = (Operation.Conv) operation;
        if (!Hyperparameters.isVolume(annotation, input, diagnostics)) {
            return Optional.empty();
        }
        WindowCheck window = WindowCheck.convolution(
                annotation, conv.size(), conv.stride(), conv.pad(), conv.floor());
        if (!window.fits(input.shape(), diagnostics)) {
            return Optional.empty();
        }
        return Hyperparameters.fitsAnArray(conv.outputShape(input.shape()), diagnostics);
    }
}
