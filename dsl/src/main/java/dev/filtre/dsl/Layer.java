package dev.filtre.dsl;

/**
 * A handle on one layer of a generated model: its name (the interface method), kind, shapes,
 * parameter count, and read/write access to its learned weights and bias in PyTorch's order.
 *
 * <p>Weights are {@code [filters][channels][k][k]} for a convolution and {@code [out][in]} for a
 * dense layer; the bias has one value per filter or output. Layers without parameters return
 * empty arrays and shapes.
 */
public interface Layer {
    /** The layer's name: the interface method that declares it, e.g. {@code conv1}. */
    String name();

    /** The position of this layer in the network, from 0. */
    int index();

    /** What the layer computes, e.g. {@code Conv 32@3x3 s1 p1 + ReLU}. */
    String kind();

    /** The shape of one input of this layer: {@code {c, h, w}} or {@code {n}}. */
    int[] inputShape();

    /** The shape of one output of this layer: {@code {c, h, w}} or {@code {n}}. */
    int[] outputShape();

    /** The number of learned values: weights plus biases. */
    int parameterCount();

    /** The weight tensor's shape, e.g. {@code {32, 1, 3, 3}}; empty when the layer has none. */
    int[] weightShape();

    /** The bias's shape, e.g. {@code {32}}; empty when the layer has none. */
    int[] biasShape();

    /** A copy of the weights, flat, row-major in {@link #weightShape()}. */
    float[] weights();

    /** A copy of the bias. */
    float[] bias();

    /**
     * Replaces the weights.
     *
     * @throws IllegalArgumentException naming the layer when the length is not the weight count
     */
    void setWeights(float... weights);

    /**
     * Replaces the bias.
     *
     * @throws IllegalArgumentException naming the layer when the length is not the bias count
     */
    void setBias(float... bias);

    /** Where this layer's weights start in {@link Model#parameters()}. */
    int weightOffset();

    /** Where this layer's bias starts in {@link Model#parameters()}. */
    int biasOffset();
}
