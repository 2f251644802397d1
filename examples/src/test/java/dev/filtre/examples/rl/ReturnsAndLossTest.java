package dev.filtre.examples.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Discounted returns, advantages and the REINFORCE gradient, against values computed by hand. */
class ReturnsAndLossTest {
    @Test
    void returnsWalkBackFromTheEnd() {
        // G4 = -1; G3 = 0.9 * -1 = -0.9; G2 = 1 + 0.9 * -0.9 = 0.19; G1 = 0.9 * 0.19 = 0.171;
        // G0 = 0.9 * 0.171 = 0.1539.
        double[] returns = Returns.discounted(new double[] {0, 0, 1, 0, -1}, 0.9);

        assertArrayEquals(new double[] {0.1539, 0.171, 0.19, -0.9, -1}, returns, 1e-12);
    }

    @Test
    void aDiscountOfOneSumsAndZeroKeepsOnlyTheImmediateReward() {
        double[] rewards = {1, 0, 2, -1};
        assertArrayEquals(new double[] {2, 1, 1, -1}, Returns.discounted(rewards, 1), 0);
        assertArrayEquals(rewards, Returns.discounted(rewards, 0), 0);
        assertThrows(IllegalArgumentException.class, () -> Returns.discounted(rewards, 1.5));
    }

    @Test
    void advantagesAreTheReturnsMinusTheirMeanOverTheirStandardDeviation() {
        // mean 2.5, deviations -1.5 -0.5 0.5 1.5, variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
        double std = Math.sqrt(1.25);
        double[] advantages = Advantages.standardized(new double[] {1, 2, 3, 4});

        assertArrayEquals(new double[] {-1.5 / std, -0.5 / std, 0.5 / std, 1.5 / std}, advantages, 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, Advantages.standardized(new double[] {3, 3, 3}), 0,
                "equally good steps teach nothing");
    }

    @Test
    void theLogitGradientIsTheAdvantageTimesProbabilitiesMinusOneHot() {
        float[] probabilities = {0.2f, 0.5f, 0.3f};
        float[] gradient = new float[3];

        // 2 * (0.2, 0.5 - 1, 0.3) = (0.4, -1, 0.6)
        PolicyGradient.logitGradient(probabilities, 1, 2.0, 1.0, gradient);

        assertArrayEquals(new float[] {0.4f, -1.0f, 0.6f}, gradient, 1e-6f);
        assertEquals(-2.0 * Math.log(0.5), PolicyGradient.loss(probabilities, 1, 2.0), 1e-7);
        // -1 * 0.5 * (0.2 - 1, 0.5, 0.3) = (0.4, -0.25, -0.15): a worse-than-usual action loses probability.
        PolicyGradient.logitGradient(probabilities, 0, -1.0, 0.5, gradient);
        assertArrayEquals(new float[] {0.4f, -0.25f, -0.15f}, gradient, 1e-6f);
    }

    /** The formula agrees with the derivative of {@code -A log softmax(z)[a]} by central differences. */
    @Test
    void theLogitGradientIsTheDerivativeOfTheLoss() {
        double[] logits = {0.3, -1.2, 0.8};
        int action = 2;
        double advantage = -0.7;
        float[] gradient = new float[3];
        PolicyGradient.logitGradient(toFloat(softmax(logits)), action, advantage, 1.0, gradient);
        double h = 1e-5;
        for (int i = 0; i < logits.length; i++) {
            double[] up = logits.clone();
            double[] down = logits.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (-advantage * Math.log(softmax(up)[action]) + advantage * Math.log(softmax(down)[action]))
                    / (2 * h);
            assertEquals(numeric, gradient[i], 1e-6, "logit " + i);
        }
    }

    @Test
    void anActionOutsideThePolicyIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PolicyGradient.loss(new float[] {0.5f, 0.5f}, 2, 1));
        assertEquals("action 2 is not one of the policy's 2 actions", error.getMessage());
    }

    private static double[] softmax(double[] logits) {
        double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
        double[] result = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            result[i] = Math.exp(logits[i] - max);
            sum += result[i];
        }
        for (int i = 0; i < logits.length; i++) {
            result[i] /= sum;
        }
        return result;
    }

    private static float[] toFloat(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
