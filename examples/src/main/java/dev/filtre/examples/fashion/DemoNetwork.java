package dev.filtre.examples.fashion;

import dev.filtre.dsl.Model;
import dev.filtre.examples.networks.FashionNetModel;
import dev.filtre.examples.networks.PerceptronModel;
import java.util.function.Supplier;

/**
 * The networks the demo can train, for the lecture's comparison: the convolutional FashionNet and
 * the multi-layer perceptron, which reads the same 28x28 images as vectors of 784 pixels.
 */
public enum DemoNetwork {
    FASHIONNET("fashionnet", FashionNetModel::new),
    PERCEPTRON("perceptron", PerceptronModel::new);

    private final String fileStem;
    private final Supplier<Model> constructor;

    DemoNetwork(String fileStem, Supplier<Model> constructor) {
        this.fileStem = fileStem;
        this.constructor = constructor;
    }

    /** A new, uninitialized instance of the generated model. */
    public Model newModel() {
        return constructor.get();
    }

    /** The name the {@code --model} option takes, e.g. {@code perceptron}. */
    @Override
    public String toString() {
        return fileStem;
    }

    /** How the demo's output files start, e.g. {@code fashionnet} in {@code fashionnet.safetensors}. */
    public String fileStem() {
        return fileStem;
    }
}
