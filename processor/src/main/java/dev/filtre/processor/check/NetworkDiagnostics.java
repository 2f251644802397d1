package dev.filtre.processor.check;

import dev.filtre.processor.spec.NetworkSpec;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * Reports about the network as a whole into its report, on its {@code @Network} annotation, or on
 * the attribute value the problem comes from when the user wrote it; the counterpart of
 * {@link LayerDiagnostics} for the declaring type.
 */
final class NetworkDiagnostics {
    private final NetworkSpec network;
    private final ValidationReport.Builder report;

    NetworkDiagnostics(NetworkSpec network, ValidationReport.Builder report) {
        this.network = network;
        this.report = report;
    }

    /** Reports on the {@code @Network} annotation. */
    void onAnnotation(Message message, Object... arguments) {
        onValue(message, Optional.empty(), arguments);
    }

    /** Reports on {@code value} when it was written, else on the {@code @Network} annotation. */
    void onValue(Message message, Optional<AnnotationValue> value, Object... arguments) {
        report.addItem(
                message.format(arguments),
                message.kind(),
                network.type(),
                Optional.of(network.mirror()),
                value);
    }
}
