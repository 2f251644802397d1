package dev.filtre.processor.spec;

import dev.filtre.processor.model.Activation;
import java.util.Arrays;
import java.util.Optional;

/** The Filtre annotations a layer method can carry. */
public enum AnnotationKind {
    CONV("Conv", null),
    MAX_POOL("MaxPool", null),
    AVG_POOL("AvgPool", null),
    SUM_POOL("SumPool", null),
    DENSE("Dense", null),
    DROPOUT("Dropout", null),
    FLATTEN("Flatten", null),
    RELU("Relu", Activation.RELU),
    SIGMOID("Sigmoid", Activation.SIGMOID),
    TANH("Tanh", Activation.TANH),
    SOFTMAX("Softmax", Activation.SOFTMAX);

    private static final String PACKAGE = "dev.filtre.dsl.";

    private final String simpleName;
    private final Activation activation;

    AnnotationKind(String simpleName, Activation activation) {
        this.simpleName = simpleName;
        this.activation = activation;
    }

    /** The annotation's simple name, e.g. {@code MaxPool}. */
    public String simpleName() {
        return simpleName;
    }

    /** The annotation's qualified name, e.g. {@code dev.filtre.dsl.MaxPool}. */
    public String qualifiedName() {
        return PACKAGE + simpleName;
    }

    /** The activation this annotation declares; empty for a layer annotation. */
    public Optional<Activation> activation() {
        return Optional.ofNullable(activation);
    }

    /** True for {@code @Relu}, {@code @Sigmoid}, {@code @Tanh} and {@code @Softmax}. */
    public boolean isActivation() {
        return activation != null;
    }

    /** True for the pooling annotations. */
    public boolean isPooling() {
        return this == MAX_POOL || this == AVG_POOL || this == SUM_POOL;
    }

    /** The kind of the annotation with this qualified name, if it is one of Filtre's. */
    public static Optional<AnnotationKind> forQualifiedName(String qualifiedName) {
        return Arrays.stream(values())
                .filter(kind -> kind.qualifiedName().equals(qualifiedName))
                .findFirst();
    }
}
