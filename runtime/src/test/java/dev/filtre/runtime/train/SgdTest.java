package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.filtre.dsl.Layer;
import org.junit.jupiter.api.Test;

class SgdTest {
    /** Parameters [hidden.weight, hidden.bias, out.weight, out.bias] of a 1-1-1 network. */
    private static TestMlp tiny(float... parameters) {
        TestMlp model = new TestMlp(1, 1, 1, TestMlp.Activation.TANH, 0, false);
        System.arraycopy(parameters, 0, model.parameters(), 0, 4);
        return model;
    }

    private static void setGradients(TestMlp model, float... gradients) {
        System.arraycopy(gradients, 0, model.gradients(), 0, 4);
    }

    @Test
    void momentumAndWeightDecayFollowPyTorchOverTwoSteps() {
        TestMlp model = tiny(1.0f, 0.5f, -2.0f, 0.25f);
        Sgd sgd = Sgd.withLearningRate(0.1).momentum(0.9).weightDecay(0.01);

        setGradients(model, 0.2f, -0.4f, 0.1f, 0.3f);
        sgd.step(model);
        // g = grad + 0.01 p for weights only; v = g; p -= 0.1 v.
        assertArrayEquals(new float[] {0.979f, 0.54f, -2.008f, 0.22f}, model.parameters(), 1e-6f);

        setGradients(model, 0.1f, 0.1f, -0.2f, 0.0f);
        sgd.step(model);
        // hidden.weight: g = 0.1 + 0.01 * 0.979 = 0.10979, v = 0.9 * 0.21 + g = 0.29879, p = 0.979 - 0.029879
        // hidden.bias:   v = 0.9 * -0.4 + 0.1 = -0.26,                           p = 0.54 + 0.026
        // out.weight:    g = -0.2 + 0.01 * -2.008 = -0.22008, v = 0.072 + g = -0.14808, p = -2.008 + 0.014808
        // out.bias:      v = 0.9 * 0.3 = 0.27,                                   p = 0.22 - 0.027
        assertArrayEquals(new float[] {0.949121f, 0.566f, -1.993192f, 0.193f}, model.parameters(), 1e-6f);
    }

    @Test
    void decaysBiasesOnlyWhenAsked() {
        TestMlp model = tiny(1.0f, 0.5f, -2.0f, 0.25f);
        setGradients(model, 0.2f, -0.4f, 0.1f, 0.3f);

        Sgd.withLearningRate(0.1).weightDecay(0.01).decayBiases(true).step(model);

        assertArrayEquals(new float[] {0.979f, 0.5395f, -2.008f, 0.21975f}, model.parameters(), 1e-6f);
    }

    /**
     * The update, run by run of parameters decayed alike, against the per-parameter formula with
     * every setting: the same float operations, so the same bits, on a network whose weights and
     * biases alternate (runs of 12, 4, 8 and 2 parameters).
     */
    @Test
    void everySettingGivesThePerParameterFormulasBits() {
        for (double momentum : new double[] {0, 0.9}) {
            for (double decay : new double[] {0, 5e-3}) {
                for (boolean biases : new boolean[] {false, true}) {
                    TestMlp model = new TestMlp(3, 4, 2, TestMlp.Activation.TANH, 0, false);
                    model.initialize(7);
                    Sgd sgd = Sgd.withLearningRate(0.05).momentum(momentum).weightDecay(decay).decayBiases(biases);
                    float[] p = model.parameters().clone();
                    float[] v = new float[p.length];
                    boolean[] decayed = new boolean[p.length];
                    for (Layer layer : model.layers()) {
                        java.util.Arrays.fill(decayed, layer.weightOffset(), layer.biasOffset(), true);
                        java.util.Arrays.fill(decayed, layer.biasOffset(), layer.biasOffset() + layer.biasShape()[0],
                                biases);
                    }
                    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
                    for (int step = 0; step < 3; step++) {
                        float[] g = model.gradients();
                        for (int i = 0; i < g.length; i++) {
                            g[i] = (float) random.nextDouble(-1, 1);
                        }
                        for (int i = 0; i < p.length; i++) {
                            float gradient = decayed[i] && decay > 0 ? g[i] + (float) decay * p[i] : g[i];
                            if (momentum > 0) {
                                v[i] = (float) momentum * v[i] + gradient;
                                gradient = v[i];
                            }
                            p[i] -= 0.05f * gradient;
                        }
                        sgd.step(model);
                        assertArrayEquals(p, model.parameters(), "momentum " + momentum + ", decay " + decay
                                + ", biases decayed " + biases + ", step " + step);
                    }
                }
            }
        }
    }

    /** Ranges that cut through the runs of decayed weights and undecayed biases, updated last one first. */
    @Test
    void updatesOfRangesInAnyOrderGiveTheStepsBits() {
        TestMlp stepped = new TestMlp(3, 4, 2, TestMlp.Activation.TANH, 0, false);
        stepped.initialize(7);
        TestMlp shared = new TestMlp(3, 4, 2, TestMlp.Activation.TANH, 0, false);
        shared.initialize(7);
        Sgd whole = Sgd.withLearningRate(0.05).momentum(0.9).weightDecay(5e-3);
        Sgd inRanges = whole.fresh();
        int[][] ranges = {{19, 26}, {7, 19}, {0, 7}};
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int step = 0; step < 3; step++) {
            for (int i = 0; i < stepped.gradients().length; i++) {
                stepped.gradients()[i] = shared.gradients()[i] = (float) random.nextDouble(-1, 1);
            }
            whole.step(stepped, 0.05 + step);
            inRanges.beginStep(shared, 0.05 + step);
            for (int[] range : ranges) {
                inRanges.update(shared, range[0], range[1]);
            }
            assertArrayEquals(stepped.parameters(), shared.parameters(), "step " + step);
        }
    }

    @Test
    void plainSgdSubtractsTheScaledGradient() {
        TestMlp model = tiny(1, 1, 1, 1);
        setGradients(model, 1, -2, 0.5f, 0);

        Sgd.withLearningRate(0.5).step(model);

        assertArrayEquals(new float[] {0.5f, 2, 0.75f, 1}, model.parameters());
    }

    @Test
    void theStepsLearningRateOverridesTheBaseRate() {
        TestMlp model = tiny(1, 1, 1, 1);
        setGradients(model, 1, 1, 1, 1);

        Sgd.withLearningRate(0.5).step(model, 0.25);

        assertArrayEquals(new float[] {0.75f, 0.75f, 0.75f, 0.75f}, model.parameters());
    }

    @Test
    void oneInstanceHoldsOneModelsMomentum() {
        Sgd sgd = Sgd.withLearningRate(0.1).momentum(0.9);
        sgd.step(tiny(1, 1, 1, 1));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sgd.step(tiny(1, 1, 1, 1)));
        assertEquals("this Sgd holds the momentum of another model; use one optimizer per model"
                + " (Sgd.fresh() gives a new one with the same settings)", e.getMessage());
    }

    @Test
    void refusesSettingsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Sgd.withLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> Sgd.withLearningRate(0.1).momentum(1));
        assertThrows(IllegalArgumentException.class, () -> Sgd.withLearningRate(0.1).weightDecay(-1));
    }
}
