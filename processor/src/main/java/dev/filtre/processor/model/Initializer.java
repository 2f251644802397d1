package dev.filtre.processor.model;

/**
 * How a layer's weights are drawn from the seed; biases start at 0. Both are uniform, as in Keras
 * and PyTorch: He for layers followed by ReLU, Glorot otherwise.
 */
public enum Initializer {
    /** {@code U(-sqrt(6 / fanIn), sqrt(6 / fanIn))}. */
    HE_UNIFORM,
    /** {@code U(-sqrt(6 / (fanIn + fanOut)), sqrt(6 / (fanIn + fanOut)))}. */
    GLOROT_UNIFORM,
    /** The layer learns nothing. */
    NONE
}
