package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Softmax;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Adam's steps against values computed by hand. */
class AdamTest {
    /** Two outputs from a 2x2 image: 10 parameters, enough to follow each step by hand. */
    @Network(input = {1, 2, 2})
    interface AdamTestNet {
        @Dense(units = 2) @Softmax Layer out();
    }

    @Test
    void theFirstStepIsTheLearningRateAgainstTheGradientsSign() {
        Model model = new AdamTest_AdamTestNetModel();
        Arrays.fill(model.parameters(), 1f);
        Arrays.fill(model.gradients(), 0.5f);
        model.gradients()[1] = -4f;

        Adam.withLearningRate(0.1).step(model);

        // m = 0.1 g and v = 0.001 g², both corrected back to g and g²: the step is 0.1 g / |g|.
        assertEquals(0.9f, model.parameters()[0], 1e-6f);
        assertEquals(1.1f, model.parameters()[1], 1e-6f);
    }

    @Test
    void theSecondStepUsesTheRunningMomentsCorrectedForTheirStart() {
        Model model = new AdamTest_AdamTestNetModel();
        Arrays.fill(model.parameters(), 1f);
        Adam adam = Adam.withLearningRate(0.1);
        Arrays.fill(model.gradients(), 0.5f);
        adam.step(model);
        Arrays.fill(model.gradients(), 1.0f);

        adam.step(model);

        // m = 0.9 * 0.05 + 0.1 * 1 = 0.145, / (1 - 0.81) = 0.76316;
        // v = 0.999 * 0.00025 + 0.001 * 1 = 0.00124975, / (1 - 0.998001) = 0.62519, sqrt 0.79069;
        // 0.9 - 0.1 * 0.76316 / 0.79069 = 0.80348.
        assertEquals(0.8034818f, model.parameters()[0], 1e-6f);
    }

    @Test
    void updatesOfRangesGiveTheStepsBits() {
        Model stepped = new AdamTest_AdamTestNetModel();
        Model shared = new AdamTest_AdamTestNetModel();
        stepped.initialize(3);
        shared.initialize(3);
        Adam whole = Adam.withLearningRate(0.1);
        Adam inRanges = whole.fresh();
        for (int step = 0; step < 3; step++) {
            for (int i = 0; i < stepped.gradients().length; i++) {
                stepped.gradients()[i] = shared.gradients()[i] = (float) Math.sin(7 * i + step);
            }
            whole.step(stepped);
            inRanges.beginStep(shared, 0.1);
            inRanges.update(shared, 6, 10);
            inRanges.update(shared, 0, 6);
            assertArrayEquals(stepped.parameters(), shared.parameters(), "step " + step);
        }
    }

    @Test
    void oneAdamHoldsTheMomentsOfOneModel() {
        Adam adam = Adam.withLearningRate(0.1);
        adam.step(new AdamTest_AdamTestNetModel());
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> adam.step(new AdamTest_AdamTestNetModel()));
        assertEquals("this Adam already holds the moments of another model than AdamTestNet"
                + " (Adam.fresh() gives a new one with the same settings)", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Adam.withLearningRate(0));
    }
}
