package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.runtime.data.DataSet;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
    private static final DataSet BATCH = Blobs.of(6, 11);

    private static TestMlp model(double dropRate) {
        TestMlp model = new TestMlp(4, 5, 3, TestMlp.Activation.TANH, dropRate, true);
        model.initialize(3);
        return model;
    }

    @Test
    void aCorrectBackwardPassPasses() {
        GradientCheck.Report report = GradientCheck.of(model(0)).check(BATCH);

        assertTrue(report.passed(), report::toString);
        assertEquals(4 * 5 + 5 + 5 * 3 + 3, report.checked());
    }

    @Test
    void dropoutInTrainingModeUsesAFixedMask() {
        TestMlp model = model(0.4);
        model.setTraining(true);

        GradientCheck.Report report = GradientCheck.of(model).dropoutSeed(9).check(BATCH);

        assertTrue(report.passed(), report::toString);
    }

    @Test
    void aWrongGradientIsReportedByLayerAndIndex() {
        TestMlp model = model(0);
        model.outputBiasGradientFactor = 2;

        GradientCheck.Report report = GradientCheck.of(model).check(BATCH);

        assertFalse(report.passed());
        assertTrue(report.worstValue().startsWith("out.bias["), report.worstValue());
        assertEquals(report.numeric() * 2, report.analytic(), 1e-3 * Math.abs(report.analytic()));
        assertTrue(report.toString().startsWith("FAILED: 43 values checked, worst out.bias["), report::toString);
    }

    @Test
    void theInputGradientIsChecked() {
        GradientCheck.Report report = GradientCheck.of(model(0)).checkInput(BATCH, 2);

        assertTrue(report.passed(), report::toString);
        assertEquals(4, report.checked());
    }

    @Test
    void theMeanSquaredErrorGoesThroughTheOutputsBackwardPass() {
        TestMlp model = model(0);
        DataSet targets = DataSet.ofTargets(BATCH.inputs(), new int[] {4}, new float[] {
                0.1f, 0.2f, 0.7f, 1, 0, 0, 0.3f, 0.3f, 0.4f, 0, 1, 0, 0.5f, 0.5f, 0, 0.2f, 0.2f, 0.6f}, 3);

        GradientCheck.Report report = GradientCheck.of(model).loss(Loss.meanSquaredError()).check(targets);

        assertTrue(report.passed(), report::toString);
    }

    @Test
    void largeTensorsCanBeSampled() {
        GradientCheck.Report report = GradientCheck.of(model(0)).maxPerTensor(2).check(BATCH);

        assertEquals(2 * 4, report.checked());
    }
}
