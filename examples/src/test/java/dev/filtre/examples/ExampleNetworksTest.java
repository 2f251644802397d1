package dev.filtre.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.examples.lecture.Cs231nVolume;
import dev.filtre.examples.networks.Cs231nModel;
import dev.filtre.examples.networks.FashionNetModel;
import dev.filtre.examples.networks.LeNet5Model;
import dev.filtre.examples.networks.PerceptronModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example networks as the processor compiled them in this module's own build. */
class ExampleNetworksTest {

    @Test
    void parameterCountsAreTheOnesOfTheLectureAndTheLiterature() {
        assertEquals(56, Cs231nModel.PARAMETERS, "the lecture: 54 + 2");
        assertEquals(61_706, LeNet5Model.PARAMETERS);
        assertEquals(421_642, FashionNetModel.PARAMETERS);
        assertEquals(235_146, PerceptronModel.PARAMETERS);
        assertEquals(421_642, new FashionNetModel().parameterCount());
    }

    @Test
    void outputShapesFollowTheDeclaration() {
        assertArrayEquals(new int[] {2, 3, 3}, new Cs231nModel().outputShape());
        assertArrayEquals(new int[] {10}, new LeNet5Model().outputShape());
        assertArrayEquals(new int[] {16, 5, 5}, new LeNet5Model().pool2().outputShape());
        assertArrayEquals(new int[] {64, 7, 7}, new FashionNetModel().pool2().outputShape());
    }

    /**
     * Exact: every input and weight is a small integer, so float32 arithmetic is exact. Compared with
     * the values computed from the slide's input and weights; the printed slide differs in its
     * last row of o[:,:,0] (see {@link Cs231nVolume}).
     */
    @Test
    void cs231nVolumeIsTheLecturesComputedVolume() {
        Cs231nModel model = new Cs231nModel();
        model.conv().setWeights(Cs231nVolume.weights());
        model.conv().setBias(Cs231nVolume.BIAS);

        float[] output = model.forward(Cs231nVolume.input(), 0);

        assertArrayEquals(Cs231nVolume.flatten(Cs231nVolume.COMPUTED_OUTPUT), output, 0f);
    }

    @Test
    void theSlidesPrintedVolumeFollowsFromItsFilterReadAsOneZeroMinusOne() {
        float[] weights = Cs231nVolume.weights();
        int firstRowOfW0Channel2Last = 2 * 9 + 2;
        weights[firstRowOfW0Channel2Last] = -1;
        Cs231nModel model = new Cs231nModel();
        model.conv().setWeights(weights);
        model.conv().setBias(Cs231nVolume.BIAS);

        float[] output = model.forward(Cs231nVolume.input(), 0);

        assertArrayEquals(Cs231nVolume.flatten(Cs231nVolume.PRINTED_OUTPUT), output, 0f);
    }

    @Test
    void summariesDemoPrintsEveryNetworkAndTheVolume() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Summaries.main(new String[0]);
        Summaries.printCs231nVolume(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("o[:,:,1]"), printed);
        assertTrue(printed.contains("  -4   6   4"), printed);
    }
}
