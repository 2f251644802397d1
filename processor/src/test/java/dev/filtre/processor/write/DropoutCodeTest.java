package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inverted dropout. PyTorch's masks come from its own generator, so the vectors cannot be matched
 * value for value; instead the vectors' inputs and upstream gradients go through the generated
 * layer and each value is checked against the vectors' formula {@code x * mask / (1 - p)} and
 * {@code g * mask / (1 - p)} with the mask the model drew, which must be the same in both passes.
 * Values are exact: multiplying by 0, 1 or 2 rounds nothing.
 */
class DropoutCodeTest {
    private static Model dropoutModel(Shape shape, double rate) {
        return ModelCompiler.compile(Networks.network("DropoutNet", shape)
                .layer("drop", new Operation.Dropout(rate))
                .build());
    }

    private static Shape sampleShape(JsonObject vector) {
        int[] shape = Vectors.shape(Vectors.tensor(vector, "input"));
        return shape.length == 4 ? Shape.volume(shape[1], shape[2], shape[3]) : Shape.vector(shape[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dropout_p0.5_4d", "dropout_p0.5_2d"})
    void trainingAppliesTheVectorsFormulaWithOneMaskForBothPasses(String name) {
        JsonObject vector = Vectors.load(name);
        double p = vector.getAsJsonObject("params").get("p").getAsDouble();
        Model model = dropoutModel(sampleShape(vector), p);
        model.setTraining(true);
        model.seedDropout(7);
        float[] input = Vectors.floats(vector, "input");
        float[] gradOutput = Vectors.floats(vector, "grad_output");
        int size = model.inputSize();
        int batch = input.length / size;
        int dropped = 0;
        for (int n = 0; n < batch; n++) {
            float[] output = model.forward(input, n * size).clone();
            model.backward(gradOutput, n * size);
            float[] gradInput = model.inputGradient();
            for (int i = 0; i < size; i++) {
                float x = input[n * size + i];
                float g = gradOutput[n * size + i];
                assertNotEquals(0f, x, "no input is 0, so the output tells the mask");
                float mask = output[i] == 0f ? 0f : 1f;
                dropped += 1 - (int) mask;
                assertEquals(x * mask / (float) (1 - p), output[i], "output " + i + " of sample " + n);
                assertEquals(g * mask / (float) (1 - p), gradInput[i], "grad_input " + i + " of sample " + n);
            }
        }
        assertTrue(dropped > 0 && dropped < input.length, "some values dropped, some kept: " + dropped);
    }

    @Test
    void dropsAboutTheRateAndScalesTheRest() {
        int size = 10_000;
        Model model = dropoutModel(Shape.vector(size), 0.25);
        model.setTraining(true);
        model.seedDropout(42);
        float[] ones = new float[size];
        java.util.Arrays.fill(ones, 1f);
        float[] output = model.forward(ones, 0);
        int dropped = 0;
        for (float value : output) {
            if (value == 0f) {
                dropped++;
            } else {
                assertEquals(1f / 0.75f, value, 1e-7f);
            }
        }
        // binomial(10000, 0.25): standard deviation 43; 200 is more than 4.5 of them
        assertEquals(2500, dropped, 200, "values dropped");
    }

    @Test
    void theSameSeedGivesTheSameMask() {
        Model model = dropoutModel(Shape.vector(100), 0.5);
        model.setTraining(true);
        float[] ones = new float[100];
        java.util.Arrays.fill(ones, 1f);
        model.seedDropout(3);
        float[] first = model.forward(ones, 0).clone();
        float[] second = model.forward(ones, 0).clone();
        model.seedDropout(3);
        assertArrayEquals(first, model.forward(ones, 0));
        assertFalse(java.util.Arrays.equals(first, second), "the mask changes from one sample to the next");
    }

    @Test
    void aReplicaDrawsItsOwnMasks() {
        Model model = dropoutModel(Shape.vector(100), 0.5);
        model.setTraining(true);
        Model replica = model.replica();
        float[] ones = new float[100];
        java.util.Arrays.fill(ones, 1f);
        assertFalse(java.util.Arrays.equals(model.forward(ones, 0), replica.forward(ones, 0)),
                "a replica's masks come from a sequence split from the model's");
        model.seedDropout(5);
        replica.seedDropout(5);
        assertArrayEquals(model.forward(ones, 0), replica.forward(ones, 0));
    }

    @Test
    void evaluationIsTheIdentityBothWays() {
        JsonObject vector = Vectors.load("dropout_p0.5_2d");
        Model model = dropoutModel(sampleShape(vector), 0.5);
        assertFalse(model.isTraining(), "a new model evaluates");
        float[] input = Vectors.floats(vector, "input");
        float[] gradOutput = Vectors.floats(vector, "grad_output");
        int size = model.inputSize();
        assertArrayEquals(java.util.Arrays.copyOf(input, size), model.forward(input, 0));
        model.backward(gradOutput, 0);
        assertArrayEquals(java.util.Arrays.copyOf(gradOutput, size), model.inputGradient());
        // after a pass in training, whose mask dropped values, evaluation is still the identity
        model.setTraining(true);
        model.seedDropout(3);
        model.forward(input, 0);
        model.backward(gradOutput, 0);
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOf(gradOutput, size), model.inputGradient()),
                "training dropped no gradient");
        model.setTraining(false);
        assertArrayEquals(java.util.Arrays.copyOf(input, size), model.forward(input, 0), "evaluation after training");
        model.backward(gradOutput, 0);
        assertArrayEquals(java.util.Arrays.copyOf(gradOutput, size), model.inputGradient(),
                "evaluation's gradient after training");
    }
}
