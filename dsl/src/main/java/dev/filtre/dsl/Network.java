package dev.filtre.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a convolutional network ("réseau convolutif"): the annotated interface's abstract
 * methods are its layers, in source order, each returning a {@link Layer} handle.
 *
 * <p>The Filtre annotation processor checks every shape and parameter count while javac runs and
 * writes {@code <Name>Model} (for a nested interface {@code Outer_InnerModel}) in the same package:
 * a class implementing the interface and {@link Model}, with the forward and backward passes
 * specialized for exactly these shapes.
 *
 * <pre>{@code
 * @Network(input = {1, 28, 28})
 * public interface FashionNet {
 *     @Conv(filters = 32, size = 3, pad = 1) @Relu  Layer conv1();
 *     @MaxPool(size = 2)                             Layer pool1();
 *     @Dense(units = 10) @Softmax                    Layer out();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
    /** {@link #maxParameters()} when there is no limit. */
    long NO_LIMIT = -1;

    /**
     * The shape of one input: {@code {channels, height, width}} for images (1 channel for
     * grayscale, 3 for colour) or {@code {n}} for a vector (a multi-layer perceptron).
     */
    int[] input();

    /**
     * The most parameters (learned weights and biases) the network may have; exceeding it is a
     * compile error listing each layer's count. {@link #NO_LIMIT} by default.
     */
    long maxParameters() default NO_LIMIT;
}
