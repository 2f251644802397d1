package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Model;
import dev.filtre.kernels.Kernels;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one-sample pass in evaluation through the convolutions that {@link
 * ConvCode#convolvesDirectly} (a 3x3 window moving by 1, 32 filters, a window of at least as many
 * values): the same bits as the unfolded pass (the same model in training, which has no dropout
 * to apply), on one thread and split across two and three (shares of 16, and of 10 and 11
 * filters, which no whole vector fills), and a backward
 * pass after it (which unfolds the input then) with the same gradients as after a pass in
 * training, which keeps the unfolded input.
 */
class DirectConvolutionPassTest {
    static final CheckedNetwork DIRECT = Networks.network("Direct", Shape.volume(4, 10, 10))
            .layer("padded", new Operation.Conv(32, 3, 1, 1, false), Activation.RELU)
            .layer("narrow", new Operation.Conv(32, 3, 1, 0, false), Activation.SIGMOID)
            .layer("max", new Operation.Pool(PoolKind.MAX, 2, 2, false))
            .layer("strided", new Operation.Conv(32, 3, 2, 1, false), Activation.RELU)
            .layer("flat", new Operation.Flatten())
            .layer("out", new Operation.Dense(10), Activation.SOFTMAX)
            .build();

    private static final Class<?> MODEL = ModelCompiler.compileClass(DIRECT);

    @Test
    void theKernelsAreTheOnesThisRunExpects() {
        String expected = System.getProperty("filtre.kernels.expected", "plain");
        assertEquals(expected, Kernels.implementation());
    }

    @Test
    void theRuleTakesThreeByThreeWindowsMovingByOneOverEnoughValuesForWholePairsOfVectors() {
        assertTrue(ConvCode.convolvesDirectly(3, 1, 288, 64), "FashionNet's conv2");
        assertFalse(ConvCode.convolvesDirectly(3, 1, 9, 32), "FashionNet's conv1: fewer values than filters");
        assertFalse(ConvCode.convolvesDirectly(5, 1, 150, 16), "LeNet-5's conv2");
        assertFalse(ConvCode.convolvesDirectly(3, 2, 288, 64), "a stride of 2");
        assertFalse(ConvCode.convolvesDirectly(3, 1, 288, 48), "48 filters: halves of 24");
        String source = new ModelWriter().write(DIRECT, null).toString();
        assertTrue(source.contains("paddedDirect.forward(input, 0, "), "padded is not direct:\n" + source);
        assertTrue(source.contains("narrowDirect.forward(paddedOutput, 0, "), "narrow is not direct");
        assertFalse(source.contains("stridedDirect"), "strided is direct");
    }

    @Test
    void anEvaluationPassGivesTheUnfoldedPassesBitsOnEveryThreadCount() {
        SplittableRandom random = new SplittableRandom(3);
        for (int threads = 1; threads <= 3; threads++) {
            Model unfolded = newModel();
            unfolded.setTraining(true); // no dropout: the same outputs, through the unfolded input
            Model model = newModel();
            unfolded.setIntraOpThreads(threads);
            model.setIntraOpThreads(threads);
            for (int sample = 0; sample < 3; sample++) {
                String what = threads + " thread(s), sample " + sample;
                float[] input = TestValues.uniform(random, model.inputSize());
                assertArrayEquals(unfolded.forward(input, 0), model.forward(input, 0), what);
                assertArrayEquals(unfolded.logits(), model.logits(), what + ", logits");
            }
            model.setIntraOpThreads(1);
            unfolded.setIntraOpThreads(1);
        }
    }

    @Test
    void aBackwardPassAfterAnEvaluationPassGivesTheTrainingPassesGradients() {
        SplittableRandom random = new SplittableRandom(4);
        float[] gradLogits = TestValues.uniform(random, 10);
        for (int threads = 1; threads <= 2; threads++) {
            Model evaluated = newModel();
            Model trained = newModel();
            trained.setTraining(true);
            evaluated.setIntraOpThreads(threads);
            trained.setIntraOpThreads(threads);
            for (int sample = 0; sample < 2; sample++) {
                float[] input = TestValues.uniform(random, evaluated.inputSize());
                String what = threads + " thread(s), sample " + sample;
                for (Model model : new Model[] {evaluated, trained}) {
                    model.zeroGradients();
                    model.forward(input, 0);
                    model.backwardFromLogits(gradLogits, 0);
                }
                assertArrayEquals(trained.gradients(), evaluated.gradients(), what);
                assertArrayEquals(trained.inputGradient(), evaluated.inputGradient(), what + ", input gradient");
            }
            assertTrue(TestValues.maxAbs(evaluated.gradients()) > 1e-4, "the gradients compared are all 0");
            evaluated.setIntraOpThreads(1);
            trained.setIntraOpThreads(1);
        }
    }

    @Test
    void changedWeightsReachTheNextPass() {
        Model unfolded = newModel();
        unfolded.setTraining(true); // no dropout: the same outputs, through the unfolded input
        Model model = newModel();
        SplittableRandom random = new SplittableRandom(5);
        float[] input = TestValues.uniform(random, model.inputSize());
        float[] before = model.forward(input, 0).clone();
        Model[] both = {unfolded, model};
        for (Model m : both) {
            float[] parameters = m.parameters();
            int offset = m.layers().get(1).weightOffset();
            for (int k = offset; k < offset + 100; k++) {
                parameters[k] *= -3f;
            }
        }
        float[] after = model.forward(input, 0).clone();
        assertFalse(Arrays.equals(before, after), "the weights changed, not the output");
        assertArrayEquals(unfolded.forward(input, 0), after);
    }

    private static Model newModel() {
        Model model = ModelCompiler.instantiate(MODEL);
        model.initialize(7);
        return model;
    }
}
