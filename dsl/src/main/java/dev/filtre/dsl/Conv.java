package dev.filtre.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A convolutional layer ("couche convolutive"): {@link #filters()} learned filters ("filtres" or
 * "noyaux") of {@link #size()} x {@link #size()} x input channels, slid over the input every
 * {@link #stride()} pixels after adding {@link #pad()} rows and columns of zeros all around
 * ("zero-padding"). The number of filters is the depth ("profondeur") of the output volume.
 *
 * <p>Output size per side: {@code (W - F + 2P) / S + 1}; when it is not whole the declaration does
 * not compile, unless {@link #floor()} says to drop the last rows and columns, as PyTorch does.
 * Parameters: {@code F * C * K * K + F}. As in every deep-learning framework the network's
 * convolution is a cross-correlation: the learned kernel is not flipped.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Conv {
    /** The number of filters: the depth of the output volume. */
    int filters();

    /** The side of each square filter. */
    int size() default 3;

    /** How many pixels the filter moves at each step. */
    int stride() default 1;

    /** The rows and columns of zeros added around the input ("zero-padding"). */
    int pad() default 0;

    /**
     * Drop the last rows and columns that do not fit a whole window when the output size is not
     * whole, instead of reporting an error (PyTorch's behaviour).
     */
    boolean floor() default false;
}
