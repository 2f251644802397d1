package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The batch passes ({@code forwardBatch(inputs, offset, batch, seeds)}, {@code backwardBatch*})
 * against the per-sample ones on a network with every kind of layer, two dropout layers and
 * convolutions whose chunks hold several samples: the same outputs, logits and dropout masks for
 * each sample, and parameter gradients equal to the sum of the per-sample ones. The batch pass
 * multiplies whole chunks at once, so sums may round in another order: {@link Tolerance#LAYER}.
 */
class BatchPassTest {
    private static final CheckedNetwork EVERY_KIND = Networks.network("EveryKindBatch", Shape.volume(2, 12, 12))
            .layer("conv", new Operation.Conv(4, 3, 1, 1, false), Activation.RELU)
            .layer("max", new Operation.Pool(PoolKind.MAX, 2, 2, false))
            .layer("drop1", new Operation.Dropout(0.3))
            .layer("conv2", new Operation.Conv(5, 3, 2, 1, true), Activation.SIGMOID)
            .layer("average", new Operation.Pool(PoolKind.AVG, 2, 1, false), Activation.TANH)
            .layer("sum", new Operation.Pool(PoolKind.SUM, 2, 1, false))
            .layer("flat", new Operation.Flatten())
            .layer("hidden", new Operation.Dense(8), Activation.RELU)
            .layer("drop2", new Operation.Dropout(0.5))
            .layer("squash", new Operation.Standalone(Activation.TANH))
            .layer("out", new Operation.Dense(3), Activation.SOFTMAX)
            .build();

    private static final Tolerance TOLERANCE = Tolerance.LAYER;

    private final Model model = ModelCompiler.compile(EVERY_KIND);

    @Test
    void aTrainingBatchGivesEachSampleItsPerSampleResultAndSumsTheGradients() {
        model.setTraining(true);
        for (int batch : new int[] {1, 3, 70, 7}) {
            float[] inputs = inputs(batch, 1, batch);
            long[] seeds = seeds(batch);
            float[] gradLogits = gradients(batch, 2);

            model.zeroGradients();
            float[] expectedOutputs = new float[batch * 3];
            float[] expectedLogits = new float[batch * 3];
            for (int n = 0; n < batch; n++) {
                model.seedDropout(seeds[n]);
                System.arraycopy(model.forward(inputs, (n + 1) * model.inputSize()), 0, expectedOutputs, n * 3, 3);
                System.arraycopy(model.logits(), 0, expectedLogits, n * 3, 3);
                model.backwardFromLogits(gradLogits, n * 3);
            }
            float[] expectedGradients = model.gradients().clone();

            model.zeroGradients();
            float[] outputs = model.forwardBatch(inputs, model.inputSize(), batch, seeds);
            check(expectedOutputs, outputs, batch * 3, "outputs of a batch of " + batch);
            check(expectedLogits, model.batchLogits(), batch * 3, "logits of a batch of " + batch);
            model.backwardBatchFromLogits(gradLogits, 0, batch);
            check(expectedGradients, model.gradients(), expectedGradients.length, "gradients of a batch of " + batch);
            assertTrue(norm(expectedGradients) > 0.01, "the gradients compared are not all 0");
        }
    }

    @Test
    void theBatchBackwardPassThroughTheSoftmaxSumsThePerSampleOnes() {
        model.setTraining(true);
        int batch = 6;
        float[] inputs = inputs(batch, 0, 3);
        long[] seeds = seeds(batch);
        float[] gradOutputs = gradients(batch, 5);
        float[] expected = gradientsOf(() -> {
            for (int n = 0; n < batch; n++) {
                model.seedDropout(seeds[n]);
                model.forward(inputs, n * model.inputSize());
                model.backward(gradOutputs, n * 3);
            }
        });
        float[] actual = gradientsOf(() -> {
            model.forwardBatch(inputs, 0, batch, seeds);
            model.backwardBatch(gradOutputs, 0, batch);
        });
        check(expected, actual, expected.length, "gradients through the softmax");
    }

    @Test
    void anEvaluationBatchLargerThanAChunkStillBackPropagates() {
        model.setTraining(false);
        int batch = 70;
        assertTrue(batch > chunk("CONV_CHUNK") && batch > chunk("CONV2_CHUNK"), "the batch spans several chunks");
        float[] inputs = inputs(batch, 0, 11);
        float[] gradLogits = gradients(batch, 7);
        float[] expected = gradientsOf(() -> {
            for (int n = 0; n < batch; n++) {
                model.forward(inputs, n * model.inputSize());
                model.backwardFromLogits(gradLogits, n * 3);
            }
        });
        float[] actual = gradientsOf(() -> {
            model.forwardBatch(inputs, 0, batch, null);
            model.backwardBatchFromLogits(gradLogits, 0, batch);
        });
        check(expected, actual, expected.length, "gradients after an evaluation batch");
    }

    /** The parameter gradients {@code passes} sum from zero. */
    private float[] gradientsOf(Runnable passes) {
        model.zeroGradients();
        passes.run();
        return model.gradients().clone();
    }

    @Test
    void forwardBatchIntoAnArrayGivesThePerSampleOutputs() {
        model.setTraining(false);
        int batch = 150;
        float[] inputs = inputs(batch, 0, 5);
        float[] outputs = new float[batch * 3];
        model.forwardBatch(inputs, batch, outputs);
        for (int n = 0; n < batch; n++) {
            check(model.forward(inputs, n * model.inputSize()), 0, outputs, n * 3, 3, "sample " + n);
        }
    }

    @Test
    void badBatchesAreRefusedWithTheirReason() {
        float[] inputs = inputs(4, 0, 1);
        IllegalStateException first = assertThrows(IllegalStateException.class,
                () -> model.backwardBatch(new float[12], 0, 4));
        assertEquals("EveryKindBatch: a backward pass needs a forward pass first", first.getMessage());

        model.forwardBatch(inputs, 0, 4, null);
        IllegalStateException mismatch = assertThrows(IllegalStateException.class,
                () -> model.backwardBatchFromLogits(new float[9], 0, 3));
        assertEquals("EveryKindBatch: a backward pass over 3 sample(s) must follow a forward pass over as many, "
                + "but the last one ran 4", mismatch.getMessage());
        assertThrows(IllegalStateException.class, () -> model.backward(new float[3], 0));

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> model.forwardBatch(inputs, 0, 0, null));
        assertEquals("EveryKindBatch: a batch needs 1 sample or more, within an array; got 0", empty.getMessage());
        IllegalArgumentException seeds = assertThrows(IllegalArgumentException.class,
                () -> model.forwardBatch(inputs, 0, 4, new long[3]));
        assertEquals("EveryKindBatch: a batch of 4 samples needs as many dropout seeds, got 3", seeds.getMessage());
        IllegalArgumentException shortInputs = assertThrows(IllegalArgumentException.class,
                () -> model.forwardBatch(inputs, 1, 4, null));
        assertTrue(shortInputs.getMessage().startsWith("EveryKindBatch: inputs needs " + 4 * model.inputSize()
                + " values from offset 1"), shortInputs.getMessage());
        model.forwardBatch(inputs, 0, 4, null);
        IllegalArgumentException shortGradients = assertThrows(IllegalArgumentException.class,
                () -> model.backwardBatch(new float[11], 0, 4));
        assertTrue(shortGradients.getMessage().startsWith("EveryKindBatch: gradients needs 12 values"),
                shortGradients.getMessage());
    }

    private int chunk(String constant) {
        try {
            return model.getClass().getField(constant).getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private float[] inputs(int batch, int offsetSamples, int phase) {
        float[] inputs = new float[(batch + offsetSamples) * model.inputSize()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) Math.sin(0.37 * i + phase);
        }
        return inputs;
    }

    private static long[] seeds(int batch) {
        long[] seeds = new long[batch];
        for (int n = 0; n < batch; n++) {
            seeds[n] = 1000L * n + 17;
        }
        return seeds;
    }

    private static float[] gradients(int batch, int phase) {
        float[] gradients = new float[batch * 3];
        for (int i = 0; i < gradients.length; i++) {
            gradients[i] = (float) Math.cos(1.3 * i + phase) / batch;
        }
        return gradients;
    }

    private static void check(float[] expected, float[] actual, int length, String what) {
        check(expected, 0, actual, 0, length, what);
    }

    private static void check(float[] expected, int expectedOffset, float[] actual, int actualOffset, int length,
            String what) {
        double[] reference = new double[length];
        for (int i = 0; i < length; i++) {
            reference[i] = expected[expectedOffset + i];
        }
        TOLERANCE.check(reference, 0, actual, actualOffset, length, what);
    }

    private static double norm(float[] values) {
        return Math.sqrt(Arrays.stream(toDoubles(values)).map(v -> v * v).sum());
    }

    private static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }
}
