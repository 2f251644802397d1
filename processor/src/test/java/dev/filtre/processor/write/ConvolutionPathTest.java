package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Model;
import dev.filtre.kernels.ConvGeometry;
import dev.filtre.kernels.Im2col;
import dev.filtre.kernels.Kernels;
import dev.filtre.kernels.Sgemm;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The paths a generated convolution takes besides unfolding and multiplying, each against that
 * one. The passes through the convolutions that {@link ConvCode#convolvesByWinograd} (a 3x3 window
 * moving by 1, 32 filters, a window of at least as many values), one sample or a batch, in
 * evaluation and in training: the values of the model a writer that unfolds every convolution
 * writes ({@link ModelWriter#unfoldingInsteadOfFastPaths}) up to rounding, and the same bits on one
 * thread and split across two and three (shares of 16, and of 10 and 11 filters, which no whole
 * vector fills); their training passes' weight gradients (by Winograd) and input gradients (by
 * Winograd where {@link ConvCode#inputGradientByWinograd}), the unfolded model's up to rounding,
 * without a chunk of unfolded values left in the class; a backward pass after
 * an evaluation pass with the gradients of a pass in training. And the convolutions that {@link
 * ConvCode#convolvesAlongRows}, direct in every forward pass: the bits of the unfolded multiply,
 * computed here with the kernels, in one-sample and batch passes, in training and evaluation, on
 * one thread and split across two and three. The convolutions that {@link
 * ConvCode#convolvesInBlocksOfTen} (5x5 windows over rows of ten, whole vectors of filters), direct
 * too: their training passes the unfolded model's up to rounding. A convolution by Winograd followed by a 2x2 max
 * pooling writes the pooling's maxima in evaluation: the training pass's values and the same bits
 * across thread counts; a backward pass after it makes the maxima's indices, with the training
 * pass's gradients; a NaN it makes is still found in it.
 */
class ConvolutionPathTest {
    static final CheckedNetwork DIRECT = Networks.network("Direct", Shape.volume(4, 10, 10))
            .layer("padded", new Operation.Conv(32, 3, 1, 1, false), Activation.RELU)
            .layer("narrow", new Operation.Conv(32, 3, 1, 0, false), Activation.SIGMOID)
            .layer("max", new Operation.Pool(PoolKind.MAX, 2, 2, false))
            .layer("strided", new Operation.Conv(32, 3, 2, 1, false), Activation.RELU)
            .layer("flat", new Operation.Flatten())
            .layer("out", new Operation.Dense(10), Activation.SOFTMAX)
            .build();

    private static final Class<?> MODEL = ModelCompiler.compileClass(DIRECT);
    /** {@link #DIRECT} with every convolution unfolded and multiplied: the reference of the Winograd passes. */
    private static final Class<?> UNFOLDED_MODEL = ModelCompiler.compileClass(DIRECT,
            ModelWriter.unfoldingInsteadOfFastPaths());

    /** One convolution along rows: 7 filters (a block of six and one alone), rows of 20, 18 window values. */
    static final CheckedNetwork ROWS = Networks.network("Rows", Shape.volume(2, 20, 20))
            .layer("rows", new Operation.Conv(7, 3, 1, 1, false))
            .build();

    private static final ConvGeometry ROWS_GEOMETRY = new ConvGeometry(2, 20, 20, 3, 1, 1);

    /**
     * A convolution by Winograd, its ReLU and a 2x2 max pooling over its even sides: in evaluation
     * the convolution writes the pooling's maxima ({@link ConvCode#poolInto}), without their
     * indices, which a backward pass makes by running it again; the second convolution's odd sides
     * (5x5) keep its output and a pooling of their own.
     */
    static final CheckedNetwork POOLED = Networks.network("Pooled", Shape.volume(4, 10, 10))
            .layer("conv", new Operation.Conv(32, 3, 1, 1, false), Activation.RELU)
            .layer("pool", new Operation.Pool(PoolKind.MAX, 2, 2, false))
            .layer("odd", new Operation.Conv(32, 3, 1, 1, false), Activation.RELU)
            .layer("oddPool", new Operation.Pool(PoolKind.MAX, 2, 2, false))
            .layer("flat", new Operation.Flatten())
            .layer("out", new Operation.Dense(10), Activation.SOFTMAX)
            .build();

    private static final Class<?> POOLED_MODEL = ModelCompiler.compileClass(POOLED);

    @Test
    void theKernelsAreTheOnesThisRunExpects() {
        String expected = System.getProperty("filtre.kernels.expected", "plain");
        assertEquals(expected, Kernels.implementation());
    }

    /** Of a pass's outputs or gradients, how far from the unfolded pass's, next to their largest magnitude. */
    private static final float ROUNDING = 1e-5f;

    @Test
    void theWinogradRuleTakesThreeByThreeWindowsMovingByOneOverEnoughValuesForWholePairsOfVectors() {
        assertTrue(ConvCode.convolvesByWinograd(3, 1, 288, 64), "FashionNet's conv2");
        assertFalse(ConvCode.convolvesByWinograd(3, 1, 9, 32), "FashionNet's conv1: fewer values than filters");
        assertFalse(ConvCode.convolvesByWinograd(5, 1, 150, 16), "LeNet-5's conv2");
        assertFalse(ConvCode.convolvesByWinograd(3, 2, 288, 64), "a stride of 2");
        assertFalse(ConvCode.convolvesByWinograd(3, 1, 288, 48), "48 filters: halves of 24");
        String source = new ModelWriter().write(DIRECT, null).toString();
        assertTrue(source.contains("paddedWinograd.forwardSamples(input, 0, batch, "),
                "padded's batch pass is not by Winograd:\n" + source);
        assertTrue(source.contains("narrowWinograd.forwardSamples(paddedOutput, 0, batch, "),
                "narrow's batch pass is not by Winograd");
        assertTrue(source.contains(": paddedTeamWinograd[part]).forward(input, 0, "), "padded's shares are not by Winograd");
        assertFalse(source.contains("stridedWinograd"), "strided is by Winograd");
        assertFalse(source.contains("paddedDirect"), "padded is also direct");
        assertFalse(source.contains("paddedColumnsKept"), "padded keeps an unfolded input it never makes");
        String unfolded = ModelWriter.unfoldingInsteadOfFastPaths().write(DIRECT, null).toString();
        assertFalse(unfolded.contains("Winograd"), "the unfolding writer's model goes by Winograd");
    }

    @Test
    void theInputGradientGoesByWinogradOverWholePairsOfVectorsOfChannelsAndTwoZerosOfPaddingAtMost() {
        assertTrue(ConvCode.inputGradientByWinograd(1, 32, 64), "FashionNet's conv2");
        assertTrue(ConvCode.inputGradientByWinograd(0, 32, 32), "no padding: the turned convolution pads by 2");
        assertTrue(ConvCode.inputGradientByWinograd(2, 64, 32), "pad 2");
        assertFalse(ConvCode.inputGradientByWinograd(3, 32, 64), "pad 3: inputs no window sees");
        assertFalse(ConvCode.inputGradientByWinograd(1, 4, 32), "4 channels: the turned convolution's filters");
        assertFalse(ConvCode.inputGradientByWinograd(1, 64, 4), "windows of 36 values for 64 filters");
        String source = new ModelWriter().write(DIRECT, null).toString();
        assertTrue(source.contains("narrowWinogradInputGradient.inputGradient(narrowGradient, 0, batch, parameters, "
                + "NARROW_WEIGHT_OFFSET, paddedGradient, 0);"), "narrow's input gradient:\n" + source);
        assertFalse(source.contains("paddedWinogradInputGradient"), "padded's 4 channels by Winograd");
    }

    /**
     * Three convolutions by Winograd, padded by 1, 0 and 2, whose input gradients go by Winograd but
     * the first's (4 channels), between activations without a kink: a ReLU whose input rounds to
     * either side of 0 (one in 12,800 did, at 1.5e-8, in the first version of this test) sends a
     * gradient one way and not the other, which no tolerance covers.
     */
    static final CheckedNetwork SMOOTH = Networks.network("Smooth", Shape.volume(4, 10, 10))
            .layer("padded", new Operation.Conv(32, 3, 1, 1, false), Activation.SIGMOID)
            .layer("narrow", new Operation.Conv(32, 3, 1, 0, false), Activation.TANH)
            .layer("wide", new Operation.Conv(32, 3, 1, 2, false), Activation.SIGMOID)
            .layer("average", new Operation.Pool(PoolKind.AVG, 2, 2, false))
            .layer("flat", new Operation.Flatten())
            .layer("out", new Operation.Dense(10), Activation.SOFTMAX)
            .build();

    @Test
    void trainingPassesByWinogradGiveTheUnfoldedPassesOutputsAndGradients() {
        String source = new ModelWriter().write(SMOOTH, null).toString();
        for (String layer : new String[] {"narrow", "wide"}) {
            assertTrue(source.contains(layer + "WinogradInputGradient.inputGradient("), layer + ":\n" + source);
        }
        for (String layer : new String[] {"padded", "narrow", "wide"}) {
            assertTrue(source.contains(layer + "WinogradWeightGradient.addWeightGradient("), layer + "'s weights");
        }
        assertFalse(source.contains("Im2col.unfold("), "a layer unfolds its input");
        assertFalse(source.contains("narrowColumnsGradient") || source.contains("NARROW_CHUNK"),
                "narrow keeps the buffers and chunks of an unfolded backward pass");
        assertMatchesTheUnfoldedModel(SMOOTH);
    }

    /**
     * The training passes of {@code network} (batch and one sample, on one to three threads): their
     * outputs, weight gradients and input gradient, those of the model the unfolding writer makes,
     * up to rounding.
     */
    private static void assertMatchesTheUnfoldedModel(CheckedNetwork network) {
        Class<?> fast = ModelCompiler.compileClass(network);
        Class<?> unfolded = ModelCompiler.compileClass(network, ModelWriter.unfoldingInsteadOfFastPaths());
        SplittableRandom random = new SplittableRandom(11);
        int batch = 4;
        Model reference = newModel(unfolded);
        reference.setTraining(true);
        float[] inputs = TestValues.uniform(random, batch * reference.inputSize());
        float[] gradLogits = TestValues.uniform(random, batch * reference.outputSize());
        for (int threads = 1; threads <= 3; threads++) {
            Model model = newModel(fast);
            model.setTraining(true);
            model.setIntraOpThreads(threads);
            String what = threads + " thread(s)";
            float[][] outputs = new float[2][];
            Model[] both = {reference, model};
            for (int m = 0; m < 2; m++) {
                both[m].zeroGradients();
                outputs[m] = Arrays.copyOf(both[m].forwardBatch(inputs, 0, batch, null), batch * model.outputSize());
                both[m].backwardBatchFromLogits(gradLogits, 0, batch);
            }
            assertClose(outputs[0], outputs[1], what + ", batch outputs");
            assertClose(reference.gradients(), model.gradients(), what + ", batch gradients");
            for (Model m : both) {
                m.zeroGradients();
                m.forward(inputs, m.inputSize());
                m.backwardFromLogits(gradLogits, m.outputSize());
            }
            assertClose(reference.gradients(), model.gradients(), what + ", one sample's gradients");
            assertClose(reference.inputGradient(), model.inputGradient(), what + ", input gradient");
            assertTrue(TestValues.maxAbs(model.inputGradient()) > 1e-6, what + ": the input gradients are all 0");
            model.setIntraOpThreads(1);
        }
    }

    /**
     * Two 5x5 convolutions moving by 1 over rows of 10 with whole vectors of filters, which go in
     * blocks of ten ({@link ConvCode#convolvesInBlocksOfTen}): the second padded, with 32 filters,
     * whose input gradient the first's output takes; between activations without a kink.
     */
    static final CheckedNetwork BLOCKS = Networks.network("Blocks", Shape.volume(3, 14, 14))
            .layer("five", new Operation.Conv(16, 5, 1, 0, false), Activation.TANH)
            .layer("wide", new Operation.Conv(32, 5, 1, 2, false), Activation.SIGMOID)
            .layer("flat", new Operation.Flatten())
            .layer("out", new Operation.Dense(10), Activation.SOFTMAX)
            .build();

    @Test
    void theBlocksOfTenRuleTakesFiveByFiveWindowsMovingByOneOverRowsOfTenWithWholeVectorsOfFilters() {
        assertTrue(ConvCode.convolvesInBlocksOfTen(5, 1, 10, 16), "LeNet-5's conv2");
        assertTrue(ConvCode.convolvesInBlocksOfTen(5, 1, 28, 32), "rows of 28, two vectors of filters");
        assertFalse(ConvCode.convolvesInBlocksOfTen(5, 1, 10, 20), "20 filters");
        assertFalse(ConvCode.convolvesInBlocksOfTen(5, 1, 9, 16), "rows of 9");
        assertFalse(ConvCode.convolvesInBlocksOfTen(5, 2, 10, 16), "a stride of 2");
        assertFalse(ConvCode.convolvesInBlocksOfTen(3, 1, 14, 64), "FashionNet's conv2");
        String source = new ModelWriter().write(BLOCKS, null).toString();
        for (String layer : new String[] {"five", "wide"}) {
            assertTrue(source.contains(layer + "Direct.addWeightGradient("), layer + ":\n" + source);
            assertFalse(source.contains("float[] " + layer + "Columns "), layer + " keeps an unfolded input");
        }
        assertTrue(source.contains("fiveDirect.forward(input, s * INPUT_SIZE, "), "five is not direct:\n" + source);
        assertFalse(source.contains("Im2col.unfold("), "a layer unfolds its input");
        String unfolded = ModelWriter.unfoldingInsteadOfFastPaths().write(BLOCKS, null).toString();
        assertFalse(unfolded.contains("Direct"), "the unfolding writer's model convolves directly");
    }

    @Test
    void trainingPassesInBlocksOfTenGiveTheUnfoldedPassesOutputsAndGradients() {
        assertMatchesTheUnfoldedModel(BLOCKS);
    }

    @Test
    void theRowRuleTakesWindowsMovingByOneOverRowsOfOneOrTwoVectorsWithFewValues() {
        assertTrue(ConvCode.convolvesAlongRows(1, 25, 28), "LeNet-5's conv1");
        assertTrue(ConvCode.convolvesAlongRows(1, 9, 28), "FashionNet's conv1");
        assertTrue(ConvCode.convolvesAlongRows(1, 32, 16), "rows of one vector, 32 values");
        assertFalse(ConvCode.convolvesAlongRows(1, 150, 10), "LeNet-5's conv2: rows of 10");
        assertFalse(ConvCode.convolvesAlongRows(1, 288, 14), "FashionNet's conv2");
        assertFalse(ConvCode.convolvesAlongRows(2, 9, 28), "a stride of 2");
        assertFalse(ConvCode.convolvesAlongRows(1, 9, 33), "rows of 33");
        assertFalse(ConvCode.convolvesAlongRows(1, 33, 28), "33 values");
        String source = new ModelWriter().write(ROWS, null).toString();
        assertTrue(source.contains("rowsDirect.forward(input, s * INPUT_SIZE, "), "rows is not direct:\n" + source);
        assertFalse(source.contains("rowsTeamColumns"), "the team unfolds rows");
        assertFalse(new ModelWriter().write(DIRECT, null).toString().contains("Direct.forward(input, s * "),
                "a layer of DIRECT is direct in every pass");
    }

    @Test
    void aConvolutionAlongRowsGivesTheUnfoldedMultiplysBitsInEveryPass() {
        Class<?> rows = ModelCompiler.compileClass(ROWS);
        SplittableRandom random = new SplittableRandom(6);
        int batch = 3;
        for (int threads = 1; threads <= 3; threads++) {
            for (boolean training : new boolean[] {false, true}) {
                Model model = ModelCompiler.instantiate(rows);
                model.initialize(8);
                model.setTraining(training);
                model.setIntraOpThreads(threads);
                float[] inputs = TestValues.uniform(random, batch * model.inputSize());
                float[] expected = unfolded(model, inputs, batch);
                String what = threads + " thread(s), training " + training;
                int size = model.outputSize();
                for (int sample = 0; sample < batch; sample++) {
                    assertArrayEquals(Arrays.copyOfRange(expected, sample * size, (sample + 1) * size),
                            model.forward(inputs, sample * model.inputSize()), what + ", sample " + sample);
                }
                assertArrayEquals(expected, Arrays.copyOf(model.forwardBatch(inputs, 0, batch, null), batch * size),
                        what + ", batch");
                model.setIntraOpThreads(1);
            }
        }
    }

    @Test
    void aConvolutionAlongRowsSumsItsWeightGradientWithoutUnfolding() {
        String source = new ModelWriter().write(ROWS, null).toString();
        assertTrue(source.contains("rowsDirect.addWeightGradient(input, 0, batch, rowsGradient, 0, gradients, "
                + "ROWS_WEIGHT_OFFSET);"), "the weight gradient is not summed along rows:\n" + source);
        assertFalse(source.contains("Im2col.unfold("), "rows unfolds its input");
        assertFalse(source.contains("rowsColumns "), "rows keeps a buffer for its unfolded input");
        Class<?> rows = ModelCompiler.compileClass(ROWS);
        SplittableRandom random = new SplittableRandom(9);
        for (int batch : new int[] {1, 3, 11}) {
            Model model = ModelCompiler.instantiate(rows);
            model.initialize(10);
            model.setTraining(true);
            float[] inputs = TestValues.uniform(random, batch * model.inputSize());
            float[] outputGradient = TestValues.uniform(random, batch * model.outputSize());
            model.zeroGradients();
            model.forwardBatch(inputs, 0, batch, null);
            model.backwardBatch(outputGradient, 0, batch);
            float[] expected = unfoldedWeightGradient(model, inputs, outputGradient, batch);
            int weights = model.layers().get(0).weightOffset();
            float[] actual = Arrays.copyOfRange(model.gradients(), weights, weights + expected.length);
            String what = batch + " samples on the " + Kernels.implementation() + " kernels";
            if (Kernels.implementation().equals("plain")) {
                assertArrayEquals(expected, actual, what + ": the unfolded pass's bits");
            } else {
                assertClose(expected, actual, what);
            }
        }
    }

    /** The weight gradient as the unfolded pass computes it: each sample unfolded, then multiplied. */
    private static float[] unfoldedWeightGradient(Model model, float[] inputs, float[] outputGradient, int batch) {
        ConvGeometry g = ROWS_GEOMETRY;
        float[] columns = new float[g.columnsSize()];
        float[] scratch = new float[g.columnsSize()];
        float[] gradient = new float[7 * g.patch()];
        for (int sample = 0; sample < batch; sample++) {
            Im2col.unfold(g, inputs, sample * g.inputSize(), columns, 0);
            Sgemm.multiplyAddTransposedB(7, g.pixels(), g.patch(), outputGradient, sample * model.outputSize(), columns,
                    0, gradient, 0, scratch, 0);
        }
        return gradient;
    }

    /** The samples' outputs as the unfolded pass computes them: the bias, then the multiply added. */
    private static float[] unfolded(Model model, float[] inputs, int batch) {
        ConvGeometry g = ROWS_GEOMETRY;
        float[] parameters = model.parameters();
        int weights = model.layers().get(0).weightOffset();
        int bias = model.layers().get(0).biasOffset();
        float[] columns = new float[g.columnsSize()];
        float[] outputs = new float[batch * 7 * g.pixels()];
        for (int sample = 0; sample < batch; sample++) {
            Im2col.unfold(g, inputs, sample * g.inputSize(), columns, 0);
            int start = sample * 7 * g.pixels();
            for (int o = 0; o < 7; o++) {
                Arrays.fill(outputs, start + o * g.pixels(), start + (o + 1) * g.pixels(), parameters[bias + o]);
            }
            Sgemm.multiplyAdd(7, g.patch(), g.pixels(), parameters, weights, columns, 0, outputs, start);
        }
        return outputs;
    }

    @Test
    void anEvaluationPassGivesTheUnfoldedPassesValuesAndTheSameBitsOnEveryThreadCount() {
        SplittableRandom random = new SplittableRandom(3);
        float[][] inputs = new float[3][];
        float[][] oneThread = new float[3][];
        for (int threads = 1; threads <= 3; threads++) {
            Model unfolded = newModel(UNFOLDED_MODEL);
            Model model = newModel();
            unfolded.setIntraOpThreads(threads);
            model.setIntraOpThreads(threads);
            for (int sample = 0; sample < 3; sample++) {
                String what = threads + " thread(s), sample " + sample;
                if (threads == 1) {
                    inputs[sample] = TestValues.uniform(random, model.inputSize());
                }
                float[] output = model.forward(inputs[sample], 0).clone();
                float[] logits = model.logits().clone();
                assertClose(unfolded.forward(inputs[sample], 0), output, what);
                assertClose(unfolded.logits(), logits, what + ", logits");
                if (threads == 1) {
                    oneThread[sample] = logits;
                } else {
                    assertArrayEquals(oneThread[sample], logits, what + ": other bits than on one thread");
                }
            }
            model.setIntraOpThreads(1);
            unfolded.setIntraOpThreads(1);
        }
    }

    @Test
    void anEvaluationBatchGivesEachSampleTheOneSamplePassesValues() {
        SplittableRandom random = new SplittableRandom(6);
        Model model = newModel();
        int batch = 4;
        float[] inputs = TestValues.uniform(random, batch * model.inputSize());
        float[] outputs = Arrays.copyOf(model.forwardBatch(inputs, 0, batch, null), batch * model.outputSize());
        Model unfolded = newModel(UNFOLDED_MODEL);
        assertClose(Arrays.copyOf(unfolded.forwardBatch(inputs, 0, batch, null), batch * model.outputSize()), outputs,
                "the batch against the unfolded batch");
        assertEachSampleIsItsOneSamplePass(model, inputs, outputs, batch);
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
                assertClose(trained.gradients(), evaluated.gradients(), what);
                assertClose(trained.inputGradient(), evaluated.inputGradient(), what + ", input gradient");
            }
            assertTrue(TestValues.maxAbs(evaluated.gradients()) > 1e-4, "the gradients compared are all 0");
            evaluated.setIntraOpThreads(1);
            trained.setIntraOpThreads(1);
        }
    }

    @Test
    void changedWeightsReachTheNextPass() {
        Model unfolded = newModel(UNFOLDED_MODEL);
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
        assertTrue(maxDifference(before, after) > 100 * ROUNDING * TestValues.maxAbs(before),
                "the weights changed, not the output");
        assertClose(unfolded.forward(input, 0), after, "after the change");
    }

    @Test
    void aConvolutionByWinogradWritesTheMaxPoolingAfterItInEvaluation() {
        String source = new ModelWriter().write(POOLED, null).toString();
        assertTrue(source.contains("convWinograd.forwardPooled(input, s * INPUT_SIZE, "), "the batch pass:\n" + source);
        assertTrue(source.contains(": convTeamWinograd[part]).forwardPooled(input, 0, "), "the shares");
        assertFalse(source.contains("oddWinograd.forwardPooled"), "a 5x5 output pooled by its tiles");
        assertFalse(new ModelWriter().write(DIRECT, null).toString().contains("forwardPooled"),
                "narrow's sigmoid comes between it and the pooling");
    }

    @Test
    void aPooledEvaluationPassGivesTheTrainingPassesValuesIndicesAndGradients() {
        SplittableRandom random = new SplittableRandom(8);
        float[] gradLogits = TestValues.uniform(random, 10);
        float[][] inputs = {TestValues.uniform(random, 400), TestValues.uniform(random, 400)};
        float[][] oneThread = new float[2][];
        for (int threads = 1; threads <= 3; threads++) {
            Model evaluated = newModel(POOLED_MODEL);
            Model trained = newModel(POOLED_MODEL);
            trained.setTraining(true); // no dropout: the same outputs, the maxima's indices from the forward pass
            evaluated.setIntraOpThreads(threads);
            trained.setIntraOpThreads(threads);
            for (int sample = 0; sample < 2; sample++) {
                String what = threads + " thread(s), sample " + sample;
                for (Model model : new Model[] {evaluated, trained}) {
                    model.zeroGradients();
                    model.forward(inputs[sample], 0);
                    model.backwardFromLogits(gradLogits, 0);
                }
                assertClose(trained.logits(), evaluated.logits(), what + ", logits");
                // the gradient goes back through the indices the pooled pass recorded
                assertClose(trained.gradients(), evaluated.gradients(), what + ", gradients");
                assertClose(trained.inputGradient(), evaluated.inputGradient(), what + ", input gradient");
                if (threads == 1) {
                    oneThread[sample] = evaluated.logits().clone();
                } else {
                    assertArrayEquals(oneThread[sample], evaluated.logits(), what + ": other bits than on one thread");
                }
            }
            evaluated.setIntraOpThreads(1);
            trained.setIntraOpThreads(1);
        }
    }

    @Test
    void aPooledEvaluationBatchGivesEachSampleTheOneSamplePassesValues() {
        SplittableRandom random = new SplittableRandom(9);
        Model model = newModel(POOLED_MODEL);
        int batch = 3;
        float[] inputs = TestValues.uniform(random, batch * model.inputSize());
        float[] outputs = Arrays.copyOf(model.forwardBatch(inputs, 0, batch, null), batch * model.outputSize());
        assertEachSampleIsItsOneSamplePass(model, inputs, outputs, batch);
    }

    @Test
    void aNanInAPooledConvolutionIsFoundThereAfterAnEvaluationPass() {
        for (int threads = 1; threads <= 2; threads++) {
            Model model = newModel(POOLED_MODEL);
            model.setIntraOpThreads(threads);
            float[] input = TestValues.uniform(new SplittableRandom(10), model.inputSize());
            model.forward(input, 0);
            assertEquals(-1, model.firstNonFiniteLayer(), threads + " thread(s), finite");
            model.parameters()[model.layers().get(0).weightOffset() + 40] = Float.NaN;
            model.forward(input, 0);
            assertEquals(0, model.firstNonFiniteLayer(), threads + " thread(s): the convolution, not its pooling");
            model.setTraining(true);
            model.forward(input, 0);
            assertEquals(0, model.firstNonFiniteLayer(), threads + " thread(s), in training");
            model.setIntraOpThreads(1);
        }
    }

    /** Asserts that each sample's part of a batch's {@code outputs} is its one-sample pass's, up to rounding. */
    private static void assertEachSampleIsItsOneSamplePass(Model model, float[] inputs, float[] outputs, int batch) {
        for (int sample = 0; sample < batch; sample++) {
            // the dense layers of a batch multiply it at once, in another order than one sample's dot products
            assertClose(model.forward(inputs, sample * model.inputSize()),
                    Arrays.copyOfRange(outputs, sample * model.outputSize(), (sample + 1) * model.outputSize()),
                    "sample " + sample);
        }
    }

    /** Asserts that {@code actual} is {@code expected} up to {@link #ROUNDING} of its largest magnitude. */
    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        float difference = maxDifference(expected, actual);
        assertTrue(difference <= ROUNDING * TestValues.maxAbs(expected),
                what + ": " + difference + " apart, largest " + TestValues.maxAbs(expected));
    }

    private static float maxDifference(float[] a, float[] b) {
        float largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }

    private static Model newModel() {
        return newModel(MODEL);
    }

    private static Model newModel(Class<?> type) {
        Model model = ModelCompiler.instantiate(type);
        model.initialize(7);
        return model;
    }
}
