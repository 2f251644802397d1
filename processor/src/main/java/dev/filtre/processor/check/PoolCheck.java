package dev.filtre.processor.check;

import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.AnnotationSpec;
import java.util.Optional;

/**
 * {@code @MaxPool}, {@code @AvgPool} and {@code @SumPool}: a positive size, a positive stride or
 * none (then the stride is the size), and a window that fits.
 */
final class PoolCheck implements LayerCheck {
    private final PoolKind kind;

    PoolCheck(PoolKind kind) {
        this.kind = kind;
    }

    @Override
    public Optional<Operation> operation(AnnotationSpec annotation, LayerDiagnostics diagnostics) {
        Optional<Integer> size = annotation.intValue("size");
        Optional<Integer> stride = annotation.intValue("stride");
        Optional<Boolean> floor = annotation.booleanValue("floor");
        if (size.isEmpty() || stride.isEmpty() || floor.isEmpty()) {
            return Optional.empty(); // javac reported the unresolved value
        }
        boolean valid = Hyperparameters.positive(annotation, "size", size.get(), diagnostics);
        boolean strideWritten = annotation.isWritten("stride");
        if (strideWritten && stride.get() <= 0) {
            diagnostics.onAttribute(
                    Message.POOL_STRIDE_NOT_POSITIVE, annotation, "stride",
                    diagnostics.layerName(), stride.get(), size.get());
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        int effectiveStride = strideWritten ? stride.get() : size.get();
        Hyperparameters.warnIfSkipping(annotation, size.get(), effectiveStride, diagnostics);
        return Optional.of(new Operation.Pool(kind, size.get(), effectiveStride, floor.get()));
    }

    @Override
    public Optional<Shape> output(
            Operation operation, AnnotationSpec annotation, Input input, LayerDiagnostics diagnostics) {
        Operation.Pool pool = (Operation.Pool) operation;
        if (!Hyperparameters.isVolume(annotation, input, diagnostics)) {
            return Optional.empty();
        }
        WindowCheck window = WindowCheck.pooling(
                annotation, pool.size(), pool.stride(), pool.floor(), !annotation.isWritten("stride"));
        if (!window.fits(input.shape(), diagnostics)) {
            return Optional.empty();
        }
        return Optional.of(pool.outputShape(input.shape()));
    }
}
