package dev.filtre.processor.write;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole networks against PyTorch: the vectors' cs231n example and LeNet-5, with softmax +
 * cross-entropy (mean over the batch). Forward: the logits and probabilities of each sample.
 * Backward: from the logits' gradient {@code (softmax - onehot) / N} that the vectors give, and
 * again through the final softmax from dL/d probabilities; the input gradient of each sample and
 * the weight and bias gradients accumulated over the batch; the same through the batch passes. Tolerance {@link Tolerance#LAYER}: the
 * float32 errors stay near 1e-6 even through LeNet (it passes at 1e-5), far below any indexing error.
 */
class NetworkVectorsTest {
    /** conv 2@3x3 s2 p1 + ReLU, then a dense layer that flattens 2x3x3 = 18 values. */
    @Test
    void cs231n() {
        CheckedNetwork network = Networks.network("Cs231nNet", Shape.volume(3, 5, 5))
                .layer("conv1", new Operation.Conv(2, 3, 2, 1, false), Activation.RELU)
                .layer("out", new Operation.Dense(3), Activation.SOFTMAX)
                .build();
        check(network, Vectors.load("net_cs231n"), Map.of("conv1", 0, "out", 3));
    }

    /** LeNet-5 with padding 2 on 28x28, max pooling, and an explicit flatten. */
    @Test
    void lenet() {
        CheckedNetwork network = Networks.network("LeNet", Shape.volume(1, 28, 28))
                .layer("conv1", new Operation.Conv(6, 5, 1, 2, false), Activation.RELU)
                .layer("pool1", new Operation.Pool(PoolKind.MAX, 2, 2, false))
                .layer("conv2", new Operation.Conv(16, 5, 1, 0, false), Activation.RELU)
                .layer("pool2", new Operation.Pool(PoolKind.MAX, 2, 2, false))
                .layer("flatten", new Operation.Flatten())
                .layer("fc1", new Operation.Dense(120), Activation.RELU)
                .layer("fc2", new Operation.Dense(84), Activation.RELU)
                .layer("out", new Operation.Dense(10), Activation.SOFTMAX)
                .build();
        check(network, Vectors.load("net_lenet"), Map.of("conv1", 0, "conv2", 3, "fc1", 7, "fc2", 9, "out", 11));
    }

    /** {@code learned} maps each model layer with parameters to its index in the vector's layers. */
    private static void check(CheckedNetwork network, JsonObject vector, Map<String, Integer> learned) {
        Model model = ModelCompiler.compile(network);
        JsonArray layers = vector.getAsJsonArray("layers");
        for (Layer layer : model.layers()) {
            if (learned.containsKey(layer.name())) {
                LayerVectors.setParameters(layer, layers.get(learned.get(layer.name())).getAsJsonObject());
            }
        }
        JsonObject last = layers.get(layers.size() - 1).getAsJsonObject();
        float[] input = Vectors.floats(vector, "input");
        double[] logits = Vectors.doubles(vector, "output");
        double[] probabilities = Vectors.doubles(vector, "probabilities");
        float[] gradLogits = Vectors.floats(last, "grad_output");
        double[] gradInput = Vectors.doubles(vector, "grad_input");
        double[] labels = Vectors.doubles(vector, "labels");
        int batch = labels.length;
        int inputSize = model.inputSize();
        int classes = model.outputSize();
        Tolerance tolerance = Tolerance.LAYER;

        model.zeroGradients();
        for (int n = 0; n < batch; n++) {
            float[] output = model.forward(input, n * inputSize);
            tolerance.check(probabilities, n * classes, output, 0, classes, "probabilities of sample " + n);
            tolerance.check(logits, n * classes, model.logits(), 0, classes, "logits of sample " + n);
            model.backwardFromLogits(gradLogits, n * classes);
            tolerance.check(gradInput, n * inputSize, model.inputGradient(), 0, inputSize,
                    "grad_input of sample " + n);
        }
        checkParameterGradients(model, layers, learned, tolerance);

        // The same batch as one batch pass
        model.zeroGradients();
        float[] outputs = model.forwardBatch(input, 0, batch, null);
        tolerance.check(probabilities, 0, outputs, 0, batch * classes, "probabilities of the batch pass");
        tolerance.check(logits, 0, model.batchLogits(), 0, batch * classes, "logits of the batch pass");
        model.backwardBatchFromLogits(gradLogits, 0, batch);
        checkParameterGradients(model, layers, learned, tolerance);

        // Through the softmax: dL/dp = -1 / (N p[label]) at the label, 0 elsewhere.
        model.zeroGradients();
        float[] gradProbabilities = new float[classes];
        for (int n = 0; n < batch; n++) {
            float[] output = model.forward(input, n * inputSize);
            int label = (int) labels[n];
            java.util.Arrays.fill(gradProbabilities, 0f);
            gradProbabilities[label] = -1f / (batch * output[label]);
            model.backward(gradProbabilities, 0);
            tolerance.check(gradInput, n * inputSize, model.inputGradient(), 0, inputSize,
                    "grad_input through the softmax of sample " + n);
        }
        checkParameterGradients(model, layers, learned, tolerance);

        model.zeroGradients();
        outputs = model.forwardBatch(input, 0, batch, null);
        float[] gradOutputs = new float[batch * classes];
        for (int n = 0; n < batch; n++) {
            int label = (int) labels[n];
            gradOutputs[n * classes + label] = -1f / (batch * outputs[n * classes + label]);
        }
        model.backwardBatch(gradOutputs, 0, batch);
        checkParameterGradients(model, layers, learned, tolerance);
    }

    private static void checkParameterGradients(Model model, JsonArray layers, Map<String, Integer> learned,
            Tolerance tolerance) {
        for (Layer layer : model.layers()) {
            if (learned.containsKey(layer.name())) {
                JsonObject reference = layers.get(learned.get(layer.name())).getAsJsonObject();
                tolerance.check(Vectors.doubles(reference, "grad_weights"), 0, model.gradients(),
                        layer.weightOffset(), layer.weights().length, layer.name() + " grad_weights");
                tolerance.check(Vectors.doubles(reference, "grad_bias"), 0, model.gradients(), layer.biasOffset(),
                        layer.bias().length, layer.name() + " grad_bias");
            }
        }
    }
}
