package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.runtime.data.DataSet;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Finite differences against the generated backward passes, on networks that together use every
 * layer kind: convolution with stride and padding, max, average and sum pooling, dense, ReLU,
 * sigmoid, tanh (fused and standalone), softmax, flatten, and dropout in evaluation mode and with a
 * fixed mask.
 */
class GeneratedModelGradientCheckTest {
    private static DataSet random(int[] shape, int size, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int inputSize = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] inputs = new float[size * inputSize];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) (random.nextDouble() * 2 - 1);
        }
        int[] labels = new int[size];
        for (int n = 0; n < size; n++) {
            labels[n] = n % classes;
        }
        return DataSet.ofLabels(inputs, shape, labels, List.of("a", "b", "c"));
    }

    private static void assertPassed(GradientCheck.Report report) {
        assertTrue(report.passed(), report::toString);
    }

    @Test
    void stridedConvolutionsPoolingAndDenseInEvaluationMode() {
        Networks_StridedNetModel model = new Networks_StridedNetModel();
        model.initialize(5);

        assertPassed(GradientCheck.of(model).check(random(new int[] {2, 9, 9}, 4, 3, 1)));
    }

    @Test
    void dropoutWithAFixedMaskInTrainingMode() {
        Networks_StridedNetModel model = new Networks_StridedNetModel();
        model.initialize(6);
        model.setTraining(true);

        assertPassed(GradientCheck.of(model).dropoutSeed(3).check(random(new int[] {2, 9, 9}, 4, 3, 2)));
    }

    @Test
    void theInputGradientOfAStridedNetwork() {
        Networks_StridedNetModel model = new Networks_StridedNetModel();
        model.initialize(7);

        assertPassed(GradientCheck.of(model).checkInput(random(new int[] {2, 9, 9}, 2, 3, 3), 1));
    }

    @Test
    void sumPoolingStandaloneActivationsAndLogitsWithoutSoftmax() {
        Networks_PoolsNetModel model = new Networks_PoolsNetModel();
        model.initialize(8);

        assertPassed(GradientCheck.of(model).check(random(new int[] {1, 6, 6}, 4, 3, 4)));
    }

    @Test
    void theMeanSquaredErrorThroughTheOutputsBackwardPass() {
        Networks_PoolsNetModel model = new Networks_PoolsNetModel();
        model.initialize(9);
        DataSet inputs = random(new int[] {1, 6, 6}, 4, 3, 5);
        float[] targets = new float[4 * 3];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (i % 5) * 0.25f - 0.5f;
        }
        DataSet regression = DataSet.ofTargets(inputs.inputs(), new int[] {1, 6, 6}, targets, 3);

        assertPassed(GradientCheck.of(model).loss(Loss.meanSquaredError()).check(regression));
    }

    @Test
    void aNetworkEndingWithSoftmaxGoesThroughBackwardWithMeanSquaredError() {
        Networks_StridedNetModel model = new Networks_StridedNetModel();
        model.initialize(10);
        DataSet inputs = random(new int[] {2, 9, 9}, 3, 3, 6);
        float[] targets = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        DataSet regression = DataSet.ofTargets(inputs.inputs(), new int[] {2, 9, 9}, targets, 3);

        assertPassed(GradientCheck.of(model).loss(Loss.meanSquaredError()).check(regression));
    }
}
