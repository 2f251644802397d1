package dev.filtre.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.examples.networks.LeNet5Model;
import dev.filtre.dsl.Model;
import dev.filtre.runtime.data.DataSet;
import dev.filtre.runtime.data.FashionMnist;
import dev.filtre.runtime.train.ProgressListener;
import dev.filtre.runtime.train.Sgd;
import dev.filtre.runtime.train.Trainer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The benchmark's direct training loop takes the same steps as the runtime's Trainer. */
class DataParallelSgdTest {
    private static final int BATCH = 64;

    @Test
    void oneStepOnOneOrTwoThreadsEqualsTheTrainersStep() {
        DataSet batch = randomImages(BATCH, 7);
        Model byTrainer = leNet();
        Trainer.of(byTrainer)
                .optimizer(Sgd.withLearningRate(0.01).momentum(0.9))
                .batchSize(BATCH)
                .progress(ProgressListener.silent())
                .fit(batch);

        for (int threads = 1; threads <= 2; threads++) {
            Model direct = leNet();
            try (DataParallelSgd sgd = new DataParallelSgd(direct, threads, 0.01f, 0.9f, 0)) {
                sgd.step(batch.inputs(), batch.labels(), 0, BATCH);
            }
            assertClose(byTrainer.parameters(), direct.parameters(), threads + " thread(s)");
        }
    }

    @Test
    void momentumCarriesTheFirstStepIntoTheSecond() {
        DataSet data = randomImages(2 * BATCH, 11);
        Model model = leNet();
        float[] start = model.parameters().clone();
        try (DataParallelSgd sgd = new DataParallelSgd(model, 2, 0.01f, 0.9f, 0)) {
            double first = sgd.step(data.inputs(), data.labels(), 0, BATCH);
            float[] afterOne = model.parameters().clone();
            sgd.step(data.inputs(), data.labels(), 0, BATCH);
            float[] afterTwo = model.parameters();
            assertTrue(first > 1.5 && first < 3.5, "initial cross-entropy of 10 classes near ln 10: " + first);
            // the second step on the same batch moves at least as far: its velocity adds 0.9 of the first
            assertTrue(distance(afterOne, afterTwo) > distance(start, afterOne),
                    "step 2 " + distance(afterOne, afterTwo) + " vs step 1 " + distance(start, afterOne));
        }
    }

    private static Model leNet() {
        Model model = new LeNet5Model();
        model.initialize(3);
        return model;
    }

    private static DataSet randomImages(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] inputs = new float[count * 28 * 28];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextDouble();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(10);
        }
        return DataSet.ofLabels(inputs, FashionMnist.IMAGE_SHAPE, labels, FashionMnist.CLASS_NAMES);
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 + 1e-5 * Math.abs(expected[i]), what + ", parameter " + i);
        }
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
