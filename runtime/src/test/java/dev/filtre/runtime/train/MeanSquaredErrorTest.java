package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.runtime.data.DataSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeanSquaredErrorTest {
    @Test
    void isTheMeanOverOutputsWithPyTorchsGradient() {
        float[] outputs = {1, 2, 4};
        float[] targets = {0, 2, 1};
        float[] gradient = new float[3];

        double loss = MeanSquaredError.loss(outputs, 0, targets, 0, 3, gradient, 0, 0.5);

        // (1 + 0 + 9) / 3; gradient 2 (y - t) / 3 times the batch scale 1/2.
        assertEquals(10.0 / 3, loss, 1e-12);
        assertArrayEquals(new float[] {1f / 3, 0, 1}, gradient, 1e-7f);
    }

    @Test
    void readsTheSampleTargetsOfARegressionDataSet() {
        DataSet data = DataSet.ofTargets(new float[] {0, 0, 0, 0}, new int[] {2}, new float[] {1, 2, 3, 4}, 2);
        float[] gradient = new float[2];

        double loss = Loss.meanSquaredError().sampleLoss(new float[] {3, 3}, 2, data, 1, gradient, 1);

        assertEquals(0.5, loss, 1e-12);
        assertArrayEquals(new float[] {0, -1}, gradient);
    }

    @Test
    void refusesClassLabels() {
        DataSet labelled = DataSet.ofLabels(new float[] {0, 0}, new int[] {2}, new int[] {1}, List.of("a", "b"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loss.meanSquaredError().sampleLoss(new float[2], 2, labelled, 0, new float[2], 1));
        assertTrue(e.getMessage().contains("softmaxCrossEntropy"), e.getMessage());
    }
}
