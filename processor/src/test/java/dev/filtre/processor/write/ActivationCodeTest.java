package dev.filtre.processor.write;

import com.google.gson.JsonObject;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ReLU, sigmoid, tanh and softmax against PyTorch, both as layers of their own and fused after a
 * layer that copies its input (a dense layer or 1x1 convolution with identity weights and zero
 * bias), so that the fused code path meets the same vectors.
 */
class ActivationCodeTest {
    private static Shape sampleShape(JsonObject vector) {
        int[] shape = Vectors.shape(Vectors.tensor(vector, "input"));
        return shape.length == 4 ? Shape.volume(shape[1], shape[2], shape[3]) : Shape.vector(shape[1]);
    }

    @ParameterizedTest
    @CsvSource({
        "relu_with_zeros, RELU",
        "relu_2d, RELU",
        "sigmoid, SIGMOID",
        "tanh, TANH",
        "softmax_2x5, SOFTMAX",
    })
    void standaloneMatchesPyTorch(String name, Activation activation) {
        JsonObject vector = Vectors.load(name);
        Model model = ModelCompiler.compile(Networks.network("ActivationNet", sampleShape(vector))
                .layer("activation", new Operation.Standalone(activation))
                .build());
        LayerVectors.check(model, vector, Tolerance.LAYER);
    }

    @ParameterizedTest
    @CsvSource({
        "relu_with_zeros, RELU",
        "relu_2d, RELU",
        "sigmoid, SIGMOID",
        "tanh, TANH",
        "softmax_2x5, SOFTMAX",
    })
    void fusedMatchesPyTorch(String name, Activation activation) {
        JsonObject vector = Vectors.load(name);
        Shape shape = sampleShape(vector);
        Operation copy = shape.isVolume()
                ? new Operation.Conv(shape.channels(), 1, 1, 0, false)
                : new Operation.Dense(shape.size());
        int size = shape.isVolume() ? shape.channels() : shape.size();
        Model model = ModelCompiler.compile(Networks.network("FusedNet", shape)
                .layer("copy", copy, activation)
                .build());
        model.layers().get(0).setWeights(ConvCodeTest.identity(size));
        model.layers().get(0).setBias(new float[size]);
        LayerVectors.checkPasses(model, vector, Tolerance.LAYER);
    }
}
