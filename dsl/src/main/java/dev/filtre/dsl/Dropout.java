package dev.filtre.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Drop-out: during training each value is set to 0 with probability {@link #value()} (the
 * lecture's p), as if that neuron were ignored for this step; the kept values are scaled by
 * {@code 1 / (1 - p)} ("inverted dropout") so that evaluation, which drops nothing, needs no change.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Dropout {
    /** The probability of dropping each value, in {@code [0, 1)}. */
    double value();
}
