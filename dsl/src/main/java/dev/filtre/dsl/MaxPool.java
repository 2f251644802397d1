package dev.filtre.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A pooling layer ("couche d'agrégation") keeping the largest value of each window (max-pooling): a {@link #size()} x
 * {@link #size()} window slides over each channel every {@link #stride()} pixels, so the volume
 * comes out smaller with the same depth. No parameters are learned.
 *
 * <p>Output size per side: {@code (W - F) / S + 1}; when it is not whole the declaration does
 * not compile, unless {@link #floor()} says to drop the last rows and columns, as PyTorch does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface MaxPool {
    /** The side of the square window. */
    int size() default 2;

    /** How many pixels the window moves at each step; when not given, {@link #size()} (windows side by side). */
    int stride() default 0;

    /** Drop the rows and columns that do not fit a whole window instead of reporting an error. */
    boolean floor() default false;
}
