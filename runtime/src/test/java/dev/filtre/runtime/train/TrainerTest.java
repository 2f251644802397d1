package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Model;
import dev.filtre.runtime.data.DataSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final DataSet TRAIN = Blobs.of(300, 1);
    private static final DataSet VALIDATION = Blobs.of(90, 2);

    private static TestMlp model(double dropRate) {
        TestMlp model = new TestMlp(4, 8, 3, TestMlp.Activation.TANH, dropRate, true);
        model.initialize(7);
        return model;
    }

    private static Trainer trainer(Model model) {
        return TestTrainers.sgd(model);
    }

    @Test
    void learnsSeparableClassesAndReportsEveryEpoch() {
        TestMlp model = model(0.2);

        History history = trainer(model).epochs(5).fit(TRAIN, VALIDATION);

        assertEquals(5, history.epochs().size());
        EpochResult first = history.epochs().get(0);
        EpochResult last = history.last();
        assertTrue(last.trainLoss() < first.trainLoss(), history::toString);
        assertTrue(last.validationAccuracy() > 0.95, history::toString);
        assertTrue(last.validationLoss() < 0.3, history::toString);
        assertTrue(last.trainAccuracy() > 0.9, history::toString);
        assertEquals(0.05, last.learningRate());
        assertTrue(last.time().toNanos() > 0);
        assertFalse(model.isTraining(), "fit leaves the model in evaluation mode");
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsAndAnotherSeedOthers() {
        TestMlp first = model(0.3);
        TestMlp second = model(0.3);
        TestMlp other = model(0.3);

        History firstHistory = trainer(first).fit(TRAIN, VALIDATION);
        History secondHistory = trainer(second).fit(TRAIN, VALIDATION);
        trainer(other).seed(43).fit(TRAIN, VALIDATION);

        assertArrayEquals(first.parameters(), second.parameters());
        assertEquals(firstHistory.last().trainLoss(), secondHistory.last().trainLoss());
        assertFalse(Arrays.equals(first.parameters(), other.parameters()));
    }

    @Test
    void twoThreadsGiveTheSameResultTwiceAndAgreeWithOneThread() {
        TestMlp first = model(0.3);
        TestMlp second = model(0.3);
        TestMlp single = model(0.3);

        trainer(first).threads(2).epochs(2).fit(TRAIN, VALIDATION);
        trainer(second).threads(2).epochs(2).fit(TRAIN, VALIDATION);
        trainer(single).epochs(2).fit(TRAIN, VALIDATION);

        assertArrayEquals(first.parameters(), second.parameters());
        // Same samples, same dropout masks: only the order of the float sums differs.
        assertArrayEquals(single.parameters(), first.parameters(), 1e-4f);
    }

    @Test
    void aNaNInTheInputIsReportedWithItsSampleBeforeTraining() {
        float[] inputs = TRAIN.inputs().clone();
        inputs[17 * 4 + 2] = Float.NaN;
        DataSet broken = DataSet.ofLabels(inputs, new int[] {4}, TRAIN.labels(), Blobs.CLASSES);
        TestMlp model = model(0);
        float[] before = model.parameters().clone();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(model).fit(broken));

        assertEquals("training set sample 17 holds NaN at input value 2; the data must be finite before training",
                e.getMessage());
        assertArrayEquals(before, model.parameters());
    }

    @Test
    void aNaNInTheValidationSetIsReportedToo() {
        float[] inputs = VALIDATION.inputs().clone();
        inputs[3 * 4] = Float.POSITIVE_INFINITY;
        DataSet broken = DataSet.ofLabels(inputs, new int[] {4}, VALIDATION.labels(), Blobs.CLASSES);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(model(0)).fit(TRAIN, broken));

        assertTrue(e.getMessage().startsWith("validation set sample 3 holds Infinity at input value 0"), e.getMessage());
    }

    @Test
    void aLossThatOverflowsStopsTrainingNamingTheLayer() {
        TestMlp model = new TestMlp(4, 8, 3, TestMlp.Activation.RELU, 0, true);
        model.initialize(7);
        float[] huge = new float[32];
        Arrays.fill(huge, Float.MAX_VALUE);
        model.layers().get(0).setWeights(huge);
        DataSet ones = DataSet.ofLabels(filled(30 * 4, 1), new int[] {4}, new int[30], Blobs.CLASSES);

        NonFiniteException e = assertThrows(NonFiniteException.class, () -> trainer(model).fit(ones));

        assertEquals("hidden", e.layer());
        assertTrue(e.getMessage().startsWith("training stopped at epoch 1, step 1: the loss of training sample "
                + e.sample() + " is NaN; layer hidden (number 0, Dense 8 + RELU) is the first to output a NaN or an"
                + " infinity. Lower the learning rate"), e.getMessage());
    }

    @Test
    void evaluationCountsEverySampleInTheConfusionMatrixWithoutChangingTheModel() {
        TestMlp model = model(0.2);
        trainer(model).epochs(3).fit(TRAIN);
        float[] trained = model.parameters().clone();

        Evaluation evaluation = Trainer.evaluate(model, VALIDATION);

        assertArrayEquals(trained, model.parameters());
        assertEquals(90, evaluation.samples());
        assertEquals(90, evaluation.confusionMatrix().total());
        assertEquals(evaluation.confusionMatrix().accuracy(), evaluation.accuracy());
        long firstClass = 0;
        for (int predicted = 0; predicted < 3; predicted++) {
            firstClass += evaluation.confusionMatrix().count(0, predicted);
        }
        assertEquals(30, firstClass);
        assertTrue(evaluation.confusionMatrix().toString().contains("second"));
        assertEquals(trainer(model).threads(2).evaluate(VALIDATION).accuracy(), evaluation.accuracy());
    }

    @Test
    void evaluationGivesTheMeanLossOfTheSamples() {
        TestMlp model = model(0);
        double total = 0;
        float[] gradient = new float[3];
        for (int n = 0; n < VALIDATION.size(); n++) {
            model.forward(VALIDATION.inputs(), VALIDATION.inputOffset(n));
            total += SoftmaxCrossEntropy.loss(model.logits(), 0, 3, VALIDATION.label(n), gradient, 0, 1);
        }

        assertEquals(total / VALIDATION.size(), Trainer.evaluate(model, VALIDATION).loss(), 1e-12);
    }

    @Test
    void regressionWithMeanSquaredErrorLearns() {
        SplittableRandom random = new SplittableRandom(3);
        float[] inputs = new float[200 * 4];
        float[] targets = new float[200];
        for (int n = 0; n < 200; n++) {
            for (int i = 0; i < 4; i++) {
                inputs[n * 4 + i] = (float) (random.nextDouble() * 2 - 1);
            }
            targets[n] = inputs[n * 4] - 0.5f * inputs[n * 4 + 1];
        }
        DataSet data = DataSet.ofTargets(inputs, new int[] {4}, targets, 1);
        TestMlp model = new TestMlp(4, 8, 1, TestMlp.Activation.TANH, 0, false);
        model.initialize(5);

        History history = trainer(model).loss(Loss.meanSquaredError()).epochs(20).fit(data);

        assertTrue(history.last().trainLoss() < 0.1 * history.epochs().get(0).trainLoss(), history::toString);
        assertTrue(Double.isNaN(history.last().trainAccuracy()));
        assertTrue(Double.isNaN(Trainer.evaluate(model, data).accuracy()));
    }

    @Test
    void theScheduleSetsEachStepsRate() {
        History history = trainer(model(0)).epochs(2).schedule(LearningRateSchedule.step(1, 0.5)).fit(TRAIN);

        assertEquals(0.05, history.epochs().get(0).learningRate(), 1e-15);
        assertEquals(0.025, history.epochs().get(1).learningRate(), 1e-15);
    }

    @Test
    void refusesDataThatDoesNotFitTheModel() {
        TestMlp fiveClasses = new TestMlp(4, 8, 5, TestMlp.Activation.TANH, 0, true);
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> trainer(fiveClasses).fit(TRAIN));
        assertEquals("the training set has 3 classes, model TestMlp outputs 5 values", classes.getMessage());

        TestMlp sixInputs = new TestMlp(6, 8, 3, TestMlp.Activation.TANH, 0, true);
        IllegalArgumentException inputs = assertThrows(IllegalArgumentException.class,
                () -> trainer(sixInputs).fit(TRAIN));
        assertEquals("the training set's samples have shape [4] (4 values), model TestMlp takes [6] (6 values)",
                inputs.getMessage());

        IllegalArgumentException loss = assertThrows(IllegalArgumentException.class,
                () -> trainer(model(0)).loss(Loss.meanSquaredError()).fit(TRAIN));
        assertEquals("the loss (mean squared error) needs targets but the training set has class labels",
                loss.getMessage());
    }

    @Test
    void withoutATerminalProgressIsOneLinePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        trainer(model(0)).epochs(3).progress(new ConsoleProgress(out, false)).fit(TRAIN, VALIDATION);

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, Arrays.toString(lines));
        assertTrue(lines[2].matches("Epoch 3/3  loss \\d\\.\\d{4}, accuracy \\d+\\.\\d\\d% \\| validation loss"
                + " \\d\\.\\d{4}, accuracy \\d+\\.\\d\\d% \\| \\d+\\.\\d s"), lines[2]);
    }

    @Test
    void onATerminalABarShowsImagesPerSecondAndTimeLeft() {
        assertEquals("Epoch 2/5 [=========>                    ] 19200/60000 loss 0.5210 acc 81.3% 2400 img/s ETA 0:17",
                ConsoleProgress.bar(2, 5, 19200, 60000, 0.521, 0.8125, 8.0));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        trainer(model(0)).progress(new ConsoleProgress(out, true)).fit(TRAIN);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("\rEpoch 1/1 [==============================] 300/300 loss "), printed);
        assertTrue(printed.endsWith("\r\033[KEpoch 1/1  " + printed.substring(printed.lastIndexOf("loss "))), printed);
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        Arrays.fill(values, value);
        return values;
    }
}
