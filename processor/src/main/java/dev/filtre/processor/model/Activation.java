package dev.filtre.processor.model;

/** The element-wise (or, for softmax, vector-wise) functions a layer can apply to its output. */
public enum Activation {
    RELU("ReLU"),
    SIGMOID("Sigmoid"),
    TANH("Tanh"),
    SOFTMAX("Softmax");

    private final String displayName;

    Activation(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown in summaries, e.g. {@code ReLU}. */
    public String displayName() {
        return displayName;
    }
}
