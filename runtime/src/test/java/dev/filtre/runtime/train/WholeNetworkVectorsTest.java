package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filtre.dsl.Conv;
import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.MaxPool;
import dev.filtre.dsl.Model;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;
import dev.filtre.runtime.data.DataSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime's side of a training step, checked against PyTorch's whole-network vectors: the mean
 * softmax cross-entropy of a batch and the parameter gradients accumulated sample by sample with
 * {@code (softmax - onehot) / N} through {@link Model#backwardFromLogits}, as {@link Trainer} does.
 */
class WholeNetworkVectorsTest {
    @Network(input = {3, 5, 5})
    interface Cs231nNet {
        @Conv(filters = 2, size = 3, stride = 2, pad = 1) @Relu Layer conv();

        @Dense(units = 3) Layer fc();
    }

    @Network(input = {1, 28, 28})
    interface LeNet {
        @Conv(filters = 6, size = 5, pad = 2) @Relu Layer conv1();

        @MaxPool(size = 2) Layer pool1();

        @Conv(filters = 16, size = 5) @Relu Layer conv2();

        @MaxPool(size = 2) Layer pool2();

        @Dense(units = 120) @Relu Layer fc1();

        @Dense(units = 84) @Relu Layer fc2();

        @Dense(units = 10) Layer fc3();
    }

    /**
     * float32 against float64: inputs and weights are exact in float32 only to about 1e-7
     * relative, and sums of up to 400 products round accordingly.
     */
    private static void assertClose(double expected, double actual, double scale, String what) {
        assertEquals(expected, actual, 1e-5 * scale + 1e-4 * Math.abs(expected), what);
    }

    private static void check(Model model, String name) {
        Vectors vectors = Vectors.read(name);
        List<Vectors> withParameters = new ArrayList<>();
        for (Vectors layer : vectors.layers()) {
            if (layer.has("weights")) {
                withParameters.add(layer);
            }
        }
        List<Layer> layers = model.layers().stream().filter(layer -> layer.parameterCount() > 0).toList();
        assertEquals(withParameters.size(), layers.size());
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).setWeights(withParameters.get(i).floats("weights"));
            layers.get(i).setBias(withParameters.get(i).floats("bias"));
        }
        int[] inputShape = vectors.shape("input");
        int[] sampleShape = java.util.Arrays.copyOfRange(inputShape, 1, inputShape.length);
        int classes = model.outputSize();
        List<String> classNames = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            classNames.add("class " + c);
        }
        DataSet batch = DataSet.ofLabels(vectors.floats("input"), sampleShape, vectors.ints("labels"), classNames);

        model.zeroGradients();
        float[] gradient = new float[classes];
        double loss = 0;
        for (int n = 0; n < batch.size(); n++) {
            model.forward(batch.inputs(), batch.inputOffset(n));
            loss += Loss.softmaxCrossEntropy().sampleLoss(model.logits(), classes, batch, n, gradient, 1.0 / batch.size());
            model.backwardFromLogits(gradient, 0);
        }
        loss /= batch.size();

        double expectedLoss = vectors.doubles("loss")[0];
        assertClose(expectedLoss, loss, 1, name + " loss");
        // evaluate runs the batch as one pass, whose dense multiplies may round in another order
        assertEquals(loss, Trainer.evaluate(model, batch).loss(), 1e-6 * Math.abs(loss), "evaluate gives the same mean");
        float[] gradients = model.gradients();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            compare(withParameters.get(i).doubles("grad_weights"), gradients, layer.weightOffset(),
                    name + " " + layer.name() + ".weight gradient");
            compare(withParameters.get(i).doubles("grad_bias"), gradients, layer.biasOffset(),
                    name + " " + layer.name() + ".bias gradient");
        }
    }

    private static void compare(double[] expected, float[] actual, int offset, String what) {
        double scale = 0;
        for (double value : expected) {
            scale = Math.max(scale, Math.abs(value));
        }
        for (int j = 0; j < expected.length; j++) {
            assertClose(expected[j], actual[offset + j], scale, what + " [" + j + "]");
        }
    }

    @Test
    void cs231nConvolutionThenDense() {
        check(new WholeNetworkVectorsTest_Cs231nNetModel(), "net_cs231n");
    }

    @Test
    void leNetOnABatchOfTwo() {
        check(new WholeNetworkVectorsTest_LeNetModel(), "net_lenet");
    }
}
