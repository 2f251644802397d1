package dev.filtre.processor.spec;

import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * One attribute of an annotation as read: its value (written or defaulted) and, only when the
 * user wrote it, the {@link AnnotationValue} that gives its position in the source. A default has
 * no position, so a diagnostic about it goes on the annotation instead.
 *
 * @param name the attribute's name, e.g. {@code stride}
 * @param value the value: an {@link Integer}, {@link Long}, {@link Double}, {@link Boolean}, or a
 *     {@link java.util.List} of {@link AnnotationValue} for an array
 * @param written the value as written in the source; empty when it is the annotation's default
 */
public record Attribute(String name, Object value, Optional<AnnotationValue> written) {

    /** True when the user wrote this attribute. */
    public boolean isWritten() {
        return written.isPresent();
    }
}
