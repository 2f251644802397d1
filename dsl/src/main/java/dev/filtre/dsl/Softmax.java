package dev.filtre.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Softmax over the vector: turns scores into class probabilities that sum to 1; with cross-entropy it is the loss the lecture minimizes (training fuses the two for stability).
 *
 * <p>On a {@link Conv}, {@link Dense} or pooling method it is applied right after that layer, as
 * part of it; alone on a method it is a layer of its own.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Softmax {}
