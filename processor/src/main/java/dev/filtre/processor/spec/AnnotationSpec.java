package dev.filtre.processor.spec;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;

/**
 * One Filtre annotation on a layer method as read, with its mirror (for diagnostics on the
 * annotation) and its attributes (for diagnostics on the attribute the user wrote).
 *
 * @param kind which annotation it is
 * @param mirror the annotation in the source
 * @param attributes every attribute the annotation has a value for, by name, written or defaulted;
 *     an attribute whose value cannot be read (javac already reported it) is missing
 */
public record AnnotationSpec(
        AnnotationKind kind, AnnotationMirror mirror, Map<String, Attribute> attributes) {

    public AnnotationSpec {
        attributes = Map.copyOf(attributes);
    }

    /** The attribute of this name, if it has a readable value. */
    public Optional<Attribute> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The attribute's value when it is an {@code int}. */
    public Optional<Integer> intValue(String name) {
        return attribute(name)
                .map(Attribute::value)
                .filter(Integer.class::isInstance)
                .map(Integer.class::cast);
    }

    /** The attribute's value when it is a {@code double}. */
    public Optional<Double> doubleValue(String name) {
        return attribute(name)
                .map(Attribute::value)
                .filter(Double.class::isInstance)
                .map(Double.class::cast);
    }

    /** The attribute's value when it is a {@code boolean}. */
    public Optional<Boolean> booleanValue(String name) {
        return attribute(name)
                .map(Attribute::value)
                .filter(Boolean.class::isInstance)
                .map(Boolean.class::cast);
    }

    /** True when the user wrote the attribute of this name. */
    public boolean isWritten(String name) {
        return attribute(name).map(Attribute::isWritten).orElse(false);
    }
}
