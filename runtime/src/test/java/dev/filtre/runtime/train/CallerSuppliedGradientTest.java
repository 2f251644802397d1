package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Training from a gradient the caller computes, as reinforcement learning does: no {@link Loss},
 * no {@link Trainer}, only the model's passes and {@link Optimizer#step}.
 */
class CallerSuppliedGradientTest {
    @Test
    void reinforceLearnsWhichActionPaysInABandit() {
        TinyNetModel policy = new TinyNetModel();
        policy.initialize(1);
        Sgd sgd = Sgd.withLearningRate(0.1);
        SplittableRandom random = new SplittableRandom(2);
        float[] state = {0.5f, -0.25f, 1, 0};
        float[] gradLogits = new float[3];

        for (int step = 0; step < 300; step++) {
            float[] probabilities = policy.forward(state, 0);
            int action = sample(probabilities, random.nextDouble());
            float reward = action == 2 ? 1 : 0;
            // d(-reward * log p[action]) / d logits = reward * (p - onehot(action))
            for (int j = 0; j < 3; j++) {
                gradLogits[j] = reward * (probabilities[j] - (j == action ? 1 : 0));
            }
            policy.zeroGradients();
            policy.backwardFromLogits(gradLogits, 0);
            sgd.step(policy);
        }

        float[] probabilities = policy.forward(state, 0);
        assertTrue(probabilities[2] > 0.9, () -> "p(best action) = " + probabilities[2]);
    }

    @Test
    void aRegressionTargetThroughTheOutputsBackwardPass() {
        TinyNetModel model = new TinyNetModel();
        model.initialize(3);
        Sgd sgd = Sgd.withLearningRate(0.5).momentum(0.5);
        float[] state = {1, 0, -1, 0.5f};
        float[] target = {0.1f, 0.7f, 0.2f};
        float[] gradient = new float[3];

        double first = 0;
        double last = 0;
        for (int step = 0; step < 200; step++) {
            float[] output = model.forward(state, 0);
            last = MeanSquaredError.loss(output, 0, target, 0, 3, gradient, 0, 1);
            if (step == 0) {
                first = last;
            }
            model.zeroGradients();
            model.backward(gradient, 0);
            sgd.step(model);
        }

        double initial = first;
        double fin = last;
        assertTrue(fin < 0.01 * initial, () -> "loss from " + initial + " to " + fin);
    }

    private static int sample(float[] probabilities, double u) {
        double cumulative = 0;
        for (int j = 0; j < probabilities.length - 1; j++) {
            cumulative += probabilities[j];
            if (u < cumulative) {
                return j;
            }
        }
        return probabilities.length - 1;
    }
}
