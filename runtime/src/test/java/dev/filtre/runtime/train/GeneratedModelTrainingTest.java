package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Model;
import dev.filtre.runtime.data.DataSet;
import dev.filtre.runtime.io.SafeTensors;
import dev.filtre.runtime.io.SafeTensorsFile;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer, the weight files and the error messages on models the Filtre processor generated. */
class GeneratedModelTrainingTest {
    private static final DataSet TRAIN = Bars.of(600, 1);
    private static final DataSet VALIDATION = Bars.of(150, 2);

    @TempDir
    Path directory;

    private static Networks_BarsNetModel model() {
        Networks_BarsNetModel model = new Networks_BarsNetModel();
        model.initialize(1);
        return model;
    }

    private static Trainer trainer(Model model) {
        return TestTrainers.sgd(model);
    }

    @Test
    void aConvolutionalNetworkLearnsToTellBarsApart() {
        Networks_BarsNetModel model = model();

        History history = trainer(model).epochs(3).fit(TRAIN, VALIDATION);

        assertTrue(history.last().validationAccuracy() > 0.95, history::toString);
        assertTrue(history.last().trainLoss() < history.epochs().get(0).trainLoss(), history::toString);
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsAfterAnEpochAndAnotherSeedOthers() {
        Networks_BarsNetModel first = model();
        Networks_BarsNetModel second = model();
        Networks_BarsNetModel other = model();

        trainer(first).fit(TRAIN);
        trainer(second).fit(TRAIN);
        trainer(other).seed(43).fit(TRAIN);

        assertArrayEquals(first.parameters(), second.parameters());
        assertFalse(Arrays.equals(first.parameters(), other.parameters()));
    }

    @Test
    void twoThreadsGiveTheSameWeightsTwice() {
        Networks_BarsNetModel first = model();
        Networks_BarsNetModel second = model();
        Networks_BarsNetModel single = model();

        trainer(first).threads(2).fit(TRAIN);
        trainer(second).threads(2).fit(TRAIN);
        trainer(single).fit(TRAIN);

        assertArrayEquals(first.parameters(), second.parameters());
        assertArrayEquals(single.parameters(), first.parameters(), 1e-3f);
    }

    /**
     * On two threads an {@link ElementwiseOptimizer} is stepped by both threads, each adding up and
     * updating its own blocks of the parameters (235 here, four blocks); an optimizer that is not
     * elementwise is stepped once, after the gradients are added up. The weights are the same bits.
     */
    @Test
    void theSharedUpdateGivesTheBitsOfTheUpdateAfterTheSum() {
        Networks_BarsNetModel shared = model();
        Networks_BarsNetModel serial = model();
        Sgd sgd = Sgd.withLearningRate(0.05).momentum(0.9).weightDecay(5e-4);
        Optimizer notElementwise = new Optimizer() {
            private final Sgd inner = sgd.fresh();

            @Override
            public double learningRate() {
                return inner.learningRate();
            }

            @Override
            public void step(Model model, double learningRate) {
                inner.step(model, learningRate);
            }

            @Override
            public Optimizer fresh() {
                throw new UnsupportedOperationException();
            }
        };

        trainer(shared).optimizer(sgd).threads(2).epochs(2).fit(TRAIN);
        trainer(serial).optimizer(notElementwise).threads(2).epochs(2).fit(TRAIN);

        assertTrue(shared.parameters().length > 3 * Workers.UPDATE_BLOCK);
        assertArrayEquals(serial.parameters(), shared.parameters());
        assertFalse(Arrays.equals(model().parameters(), shared.parameters()), "trained");
    }

    @Test
    void weightsRoundTripThroughASafetensorsFileWithPyTorchNames() throws Exception {
        Networks_BarsNetModel trained = model();
        trainer(trained).fit(TRAIN);
        Path file = directory.resolve("bars.safetensors");

        SafeTensors.save(trained, file);
        Networks_BarsNetModel loaded = new Networks_BarsNetModel();
        SafeTensors.load(loaded, file);

        assertArrayEquals(trained.parameters(), loaded.parameters());
        SafeTensorsFile read = SafeTensorsFile.read(file);
        assertEquals(java.util.List.of("conv1.weight", "conv1.bias", "out.weight", "out.bias"),
                java.util.List.copyOf(read.entries().keySet()));
        assertArrayEquals(new int[] {4, 1, 3, 3}, read.entries().get("conv1.weight").shape());
        assertArrayEquals(new int[] {3, 64}, read.entries().get("out.weight").shape());
        assertEquals("BarsNet", read.metadata().get(SafeTensors.NETWORK_KEY));
        assertEquals(Trainer.evaluate(trained, VALIDATION).loss(), Trainer.evaluate(loaded, VALIDATION).loss());
    }

    @Test
    void anOverflowingLayerIsNamed() {
        Networks_BarsNetModel model = model();
        float[] huge = new float[4 * 9];
        Arrays.fill(huge, Float.MAX_VALUE);
        model.conv1().setWeights(huge);

        NonFiniteException e = assertThrows(NonFiniteException.class, () -> trainer(model).fit(TRAIN));

        assertEquals("conv1", e.layer());
        assertTrue(e.getMessage().contains("layer conv1 (number 0, "), e.getMessage());
    }
}
