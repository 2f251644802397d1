package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {
    /**
     * The logits are read as float32, which moves them by up to 1e-7 relative from the decimals
     * PyTorch used in float64; loss and gradient then agree within a few 1e-7.
     */
    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 2e-6 + 2e-6 * Math.abs(expected), what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"softmax_ce_batch2_c5", "softmax_ce_batch4_c10", "softmax_ce_large_logits",
            "softmax_ce_equal_logits"})
    void matchesPyTorch(String name) {
        Vectors vectors = Vectors.read(name);
        int[] shape = vectors.shape("input");
        int batch = shape[0];
        int classes = shape[1];
        float[] logits = vectors.floats("input");
        int[] labels = vectors.ints("labels");
        float[] gradient = new float[logits.length];

        double loss = SoftmaxCrossEntropy.meanLoss(logits, batch, classes, labels, gradient);

        assertClose(vectors.doubles("output")[0], loss, name + " loss");
        double[] expectedGradient = vectors.doubles("grad_input");
        for (int i = 0; i < gradient.length; i++) {
            assertClose(expectedGradient[i], gradient[i], name + " gradient " + i);
        }
        double[] perSample = vectors.doubles("per_sample_loss");
        double[] probabilities = vectors.doubles("probabilities");
        for (int n = 0; n < batch; n++) {
            float[] sampleGradient = new float[classes];
            double sampleLoss = SoftmaxCrossEntropy.loss(logits, n * classes, classes, labels[n], sampleGradient, 0, 1);
            assertClose(perSample[n], sampleLoss, name + " loss of sample " + n);
            for (int j = 0; j < classes; j++) {
                double probability = sampleGradient[j] + (j == labels[n] ? 1 : 0);
                assertClose(probabilities[n * classes + j], probability, name + " probability " + n + "," + j);
            }
        }
    }

    @Test
    void logitsOfPlusMinusThousandGiveTheExactLossWithoutOverflow() {
        float[] logits = {1000, -1000, 0};
        float[] gradient = new float[3];

        double loss = SoftmaxCrossEntropy.loss(logits, 0, 3, 1, gradient, 0, 1);

        assertEquals(2000.0, loss);
        assertEquals(1.0f, gradient[0]);
        assertEquals(-1.0f, gradient[1]);
        assertEquals(0.0f, gradient[2]);
        assertTrue(Double.isFinite(loss));
    }
}
