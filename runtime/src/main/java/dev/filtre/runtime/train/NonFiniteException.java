package dev.filtre.runtime.train;

/**
 * Training or an evaluation stopped because a sample's loss became NaN or infinite. The message
 * names the sample (in training also the epoch and the step) and the first layer whose output was
 * not finite, if any, and suggests a fix.
 */
public final class NonFiniteException extends ArithmeticException {
    private final String layer;
    private final int sample;

    NonFiniteException(String message, String layer, int sample) {
        super(message);
        this.layer = layer;
        this.sample = sample;
    }

    /** The name of the first layer whose output held a NaN or an infinity; null when only the loss did. */
    public String layer() {
        return layer;
    }

    /** The index, in its data set, of the sample whose forward pass failed. */
    public int sample() {
        return sample;
    }
}
