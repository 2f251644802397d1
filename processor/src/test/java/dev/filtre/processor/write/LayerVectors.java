package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;

/**
 * Runs the batch of a one-layer reference vector through a generated model, one sample at a time,
 * as the runtime does: per sample, the forward output and (from the vector's {@code grad_output})
 * the input gradient; over the batch, the accumulated weight and bias gradients.
 */
final class LayerVectors {
    private LayerVectors() {}

    /** Sets the vector's weights and bias (when it has some) on {@code layer}. */
    static void setParameters(Layer layer, JsonObject vector) {
        if (vector.has("weights")) {
            layer.setWeights(Vectors.floats(vector, "weights"));
            layer.setBias(Vectors.floats(vector, "bias"));
        }
    }

    /** Compares every forward and backward value of {@code model}'s only layer with {@code vector}. */
    static void check(Model model, JsonObject vector, Tolerance tolerance) {
        Layer layer = model.layers().get(0);
        setParameters(layer, vector);
        checkPasses(model, vector, tolerance);
        if (vector.has("weights")) {
            tolerance.check(Vectors.doubles(vector, "grad_weights"), 0, model.gradients(), layer.weightOffset(),
                    layer.weights().length, "grad_weights");
            tolerance.check(Vectors.doubles(vector, "grad_bias"), 0, model.gradients(), layer.biasOffset(),
                    layer.bias().length, "grad_bias");
        }
    }

    /** Per sample: output and input gradient; leaves the parameter gradients accumulated. */
    static void checkPasses(Model model, JsonObject vector, Tolerance tolerance) {
        float[] input = Vectors.floats(vector, "input");
        double[] output = Vectors.doubles(vector, "output");
        float[] gradOutput = Vectors.floats(vector, "grad_output");
        double[] gradInput = Vectors.doubles(vector, "grad_input");
        int batch = Vectors.shape(Vectors.tensor(vector, "input"))[0];
        int inputSize = model.inputSize();
        int outputSize = model.outputSize();
        assertEquals(batch * inputSize, input.length, "input values");
        assertEquals(batch * outputSize, output.length, "output values");
        model.zeroGradients();
        for (int n = 0; n < batch; n++) {
            float[] actual = model.forward(input, n * inputSize);
            tolerance.check(output, n * outputSize, actual, 0, outputSize, "output of sample " + n);
            model.backward(gradOutput, n * outputSize);
            tolerance.check(gradInput, n * inputSize, model.inputGradient(), 0, inputSize,
                    "grad_input of sample " + n);
        }
    }
}
