package dev.filtre.processor.check;

import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.Operation;
import java.util.List;

/**
 * Warnings about layers next to each other: legal declarations that are most likely mistakes,
 * such as two activations in a row or softmax before the last layer.
 */
final class SequenceCheck {
    private SequenceCheck() {}

    static void warn(List<LayerDraft> layers) {
        for (int i = 0; i < layers.size(); i++) {
            LayerDraft layer = layers.get(i);
            if (i > 0) {
                warnActivationsInARow(layers.get(i - 1), layer);
                warnDropoutsInARow(layers.get(i - 1), layer);
            }
            if (i < layers.size() - 1) {
                warnSoftmaxNotLast(layer, layers.get(i + 1));
            } else {
                warnDropoutLast(layer);
            }
        }
    }

    private static void warnActivationsInARow(LayerDraft previous, LayerDraft layer) {
        if (!(layer.operation.orElse(null) instanceof Operation.Standalone standalone)
                || previous.lastActivation().isEmpty()) {
            return;
        }
        Activation before = previous.lastActivation().get();
        Activation activation = standalone.activation();
        if (activation == Activation.RELU
                && (before == Activation.RELU || before == Activation.SIGMOID || before == Activation.SOFTMAX)) {
            layer.diagnostics.onAnnotation(
                    Message.RELU_DOES_NOTHING, layer.declaring.get(),
                    layer.name(), before.displayName(), previous.name());
        } else {
            layer.diagnostics.onAnnotation(
                    Message.ACTIVATIONS_IN_A_ROW, layer.declaring.get(),
                    layer.name(), activation.displayName(), before.displayName(), previous.name());
        }
    }

    private static void warnDropoutsInARow(LayerDraft previous, LayerDraft layer) {
        if (previous.operation.orElse(null) instanceof Operation.Dropout first
                && layer.operation.orElse(null) instanceof Operation.Dropout second) {
            double combined = 1 - (1 - first.rate()) * (1 - second.rate());
            layer.diagnostics.onAnnotation(
                    Message.DROPOUTS_IN_A_ROW, layer.declaring.get(),
                    layer.name(), previous.name(), WindowCheck.decimal(combined));
        }
    }

    private static void warnSoftmaxNotLast(LayerDraft layer, LayerDraft next) {
        if (layer.lastActivation().orElse(null) == Activation.SOFTMAX) {
            layer.diagnostics.onAnnotation(
                    Message.SOFTMAX_NOT_LAST, layer.lastActivationAnnotation().get(),
                    layer.name(), layer.name(), next.name());
        }
    }

    private static void warnDropoutLast(LayerDraft layer) {
        if (layer.operation.orElse(null) instanceof Operation.Dropout) {
            layer.diagnostics.onAnnotation(
                    Message.DROPOUT_LAST, layer.declaring.get(), layer.name());
        }
    }
}
