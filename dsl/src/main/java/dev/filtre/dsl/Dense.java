package dev.filtre.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer ("couche totalement connectée"), as in the multi-layer perceptron: each
 * of the {@link #units()} outputs is a weighted sum of every input plus a bias, {@code y = W x + b}.
 * After a 3-D volume the input is flattened first (channels, then rows, then columns, as PyTorch
 * does); the summary shows the flatten. Parameters: {@code in * units + units}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Dense {
    /** The number of output neurons. */
    int units();
}
