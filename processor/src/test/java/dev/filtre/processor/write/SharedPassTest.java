package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one-sample pass split across a team ({@code setIntraOpThreads}) against the same model on
 * one thread, on a network where every kind of layer that can be split is large enough to be
 * ({@link LayerCode#SHARED_MIN_WORK}): convolutions with ReLU and sigmoid, max, average and sum
 * pooling (the average with a tanh), dense layers with ReLU and with a softmax (which then runs on
 * the caller), a dropout of planes going on with the pooling's planes in evaluation (its draws in
 * training on the caller), and between them a dropout of a vector, flatten and a standalone tanh
 * on the caller. Each thread
 * writes its share with the kernels the single thread calls; a dense layer's share of units may
 * take another of their paths (dot products where the whole layer multiplies a transposed copy),
 * which sums in another order: outputs, logits, gradients and the input gradient must agree within
 * {@link Tolerance#LAYER}, in evaluation and in training (where the backward pass reads the
 * unfolded input and the maxima's indices the shared pass left), and a split pass must give the
 * same bits every time.
 */
class SharedPassTest {
    static final CheckedNetwork EVERY_SPLIT = Networks.network("EverySplit", Shape.volume(3, 32, 32))
            .layer("conv", new Operation.Conv(8, 3, 1, 1, false), Activation.RELU)
            .layer("max", new Operation.Pool(PoolKind.MAX, 2, 2, false))
            .layer("drop1", new Operation.Dropout(0.3))
            .layer("conv2", new Operation.Conv(6, 3, 1, 1, false), Activation.SIGMOID)
            .layer("average", new Operation.Pool(PoolKind.AVG, 3, 1, false), Activation.TANH)
            .layer("sum", new Operation.Pool(PoolKind.SUM, 3, 1, false))
            .layer("flat", new Operation.Flatten())
            .layer("hidden", new Operation.Dense(64), Activation.RELU)
            .layer("drop2", new Operation.Dropout(0.5))
            .layer("squash", new Operation.Standalone(Activation.TANH))
            .layer("out", new Operation.Dense(80), Activation.SOFTMAX)
            .build();

    private static final Class<?> MODEL = ModelCompiler.compileClass(EVERY_SPLIT);

    @Test
    void everyLayerKindThatCanBeSplitIsAndPoolingsAndDropoutsGoOnWithTheirInputsPlanes() {
        String source = new ModelWriter().write(EVERY_SPLIT, null).toString();
        for (String layer : new String[] {"Conv", "Max", "Drop1", "Conv2", "Average", "Sum", "Hidden", "Out"}) {
            assertTrue(source.contains("private void forward" + layer + "Share(int part, int parts) {"),
                    layer + " has no share:\n" + source);
        }
        String pass = source.substring(source.indexOf("private void forwardSharedPass() {"));
        pass = pass.substring(0, pass.indexOf("\n    }\n"));
        assertEquals(String.join("\n",
                "private void forwardSharedPass() {",
                "        team.run(convMaxDrop1Share);",
                "        if (training) {",
                "            forwardDrop1(1);",
                "        }",
                "        team.run(conv2AverageSumShare);",
                "        forwardFlat(1);",
                "        team.run(hiddenShare);",
                "        forwardDrop2(1);",
                "        forwardSquash(1);",
                "        team.run(outShare);",
                "        forwardOutSoftmax(1);"), pass);
    }

    @Test
    void aSplitPassGivesTheSingleThreadsOutputsAndTheSameBitsEveryTime() {
        Model single = newModel();
        for (int threads : new int[] {2, 3}) {
            Model split = newModel();
            split.setIntraOpThreads(threads);
            assertEquals(threads, split.intraOpThreads());
            SplittableRandom random = new SplittableRandom(threads);
            for (int sample = 0; sample < 5; sample++) {
                float[] input = TestValues.uniform(random, single.inputSize());
                float[] expected = single.forward(input, 0).clone();
                float[] expectedLogits = single.logits().clone();
                float[] output = split.forward(input, 0).clone();
                float[] logits = split.logits().clone();
                String what = threads + " threads, sample " + sample;
                check(expected, output, what);
                check(expectedLogits, logits, what + ", logits");
                assertArrayEquals(output, split.forward(input, 0), what + ": another call, other bits");
                assertArrayEquals(logits, split.logits(), what + ": another call, other logits");
            }
            split.setIntraOpThreads(1);
        }
    }

    @Test
    void aTrainingStepAfterASplitPassGivesTheSingleThreadsGradients() {
        Model single = newModel();
        Model split = newModel();
        split.setIntraOpThreads(2);
        single.setTraining(true);
        split.setTraining(true);
        SplittableRandom random = new SplittableRandom(5);
        float[] gradLogits = TestValues.uniform(random, 80);
        for (int sample = 0; sample < 3; sample++) {
            float[] input = TestValues.uniform(random, single.inputSize());
            for (Model model : new Model[] {single, split}) {
                model.seedDropout(100 + sample);
                model.forward(input, 0);
                model.backwardFromLogits(gradLogits, 0);
            }
            check(single.gradients(), split.gradients(), "gradients after sample " + sample);
            check(single.inputGradient(), split.inputGradient(), "input gradient of sample " + sample);
        }
        assertTrue(TestValues.maxAbs(single.gradients()) > 1e-4, "the gradients compared are all 0");
        split.setIntraOpThreads(1);
    }

    @Test
    void oneThreadStopsTheHelpersAndAReplicaStartsAlone() throws InterruptedException {
        Model model = newModel();
        model.setIntraOpThreads(3);
        model.forward(new float[model.inputSize()], 0);
        assertEquals(2, helpers().length);
        assertEquals(1, model.replica().intraOpThreads());
        model.setIntraOpThreads(1);
        assertEquals(1, model.intraOpThreads());
        for (Thread helper : helpers()) {
            helper.join(5_000);
            assertFalse(helper.isAlive(), helper.getName() + " still runs");
        }
    }

    @Test
    void lessThanOneThreadIsRefusedWithTheNetworksName() {
        Model model = newModel();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.setIntraOpThreads(0));
        assertEquals("EverySplit: a one-sample pass runs on 1 thread or more, not 0", error.getMessage());
        assertEquals(1, model.intraOpThreads());
    }

    private static void check(float[] expected, float[] actual, String what) {
        double[] widened = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            widened[i] = expected[i];
        }
        Tolerance.LAYER.check(widened, actual, what);
    }

    private static Model newModel() {
        return ModelCompiler.instantiate(MODEL);
    }

    private static Thread[] helpers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("EverySplit-intra-op-") && thread.isAlive())
                .toArray(Thread[]::new);
    }
}
