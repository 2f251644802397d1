package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated max, average and sum pooling against PyTorch. The max-pooling cases include tied
 * windows (and a plane of equal values), where only the first maximum in row-major order may
 * receive the gradient: {@code grad_input} checks the recorded argmax.
 */
class PoolCodeTest {
    private static Model poolModel(JsonObject vector, PoolKind kind) {
        int[] input = Vectors.shape(Vectors.tensor(vector, "input"));
        int[] kernel = Vectors.pair(vector, "kernel_size");
        int[] stride = Vectors.pair(vector, "stride");
        assertEquals(kernel[0], kernel[1], "square windows only");
        assertEquals(stride[0], stride[1], "one stride only");
        Operation.Pool pool = new Operation.Pool(kind, kernel[0], stride[0], Vectors.floored(vector));
        return ModelCompiler.compile(Networks.network("PoolNet", Shape.volume(input[1], input[2], input[3]))
                .layer("pool", pool)
                .build());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "maxpool2d_k2_s2",
        "maxpool2d_k3_s2",
        "maxpool2d_k2_s1",
        "maxpool2d_k3_s2_floor_7x8",
        "maxpool2d_k2_s2_floor_5x5",
        "maxpool2d_k2_s1_integer_ties",
        "maxpool2d_k2_s2_all_equal",
    })
    void maxPoolMatchesPyTorch(String name) {
        JsonObject vector = Vectors.load(name);
        LayerVectors.check(poolModel(vector, PoolKind.MAX), vector, Tolerance.LAYER);
    }

    /** The lecture's 4x4 example gives {@code [[6, 8], [3, 4]]}: integers, so exactly. */
    @ParameterizedTest
    @ValueSource(strings = {"lecture_maxpool_2x2_s2"})
    void maxPoolMatchesTheLectureExactly(String name) {
        JsonObject vector = Vectors.load(name);
        LayerVectors.check(poolModel(vector, PoolKind.MAX), vector, Tolerance.EXACT);
        Model model = poolModel(vector, PoolKind.MAX);
        float[] lecture = {1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4};
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {6, 8, 3, 4}, model.forward(lecture, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"avgpool2d_k2_s2", "avgpool2d_k2_s2_floor_5x7"})
    void averagePoolMatchesPyTorch(String name) {
        JsonObject vector = Vectors.load(name);
        LayerVectors.check(poolModel(vector, PoolKind.AVG), vector, Tolerance.LAYER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sumpool2d_k2_s2", "sumpool2d_k2_s2_floor_5x5"})
    void sumPoolMatchesPyTorch(String name) {
        JsonObject vector = Vectors.load(name);
        LayerVectors.check(poolModel(vector, PoolKind.SUM), vector, Tolerance.LAYER);
    }

    /**
     * A ReLU before a max pooling runs on the maxima, after the pooling, and its derivative in the
     * pooling's backward pass: the outputs are the maxima of the ReLU's outputs (windows all
     * negative give 0, -0.0 gives 0.0), and a window's gradient reaches its maximum only where that
     * maximum is positive, the first of equal ones. The convolution before is an identity, so its
     * input is the ReLU's.
     */
    @Test
    void aReluBeforeAMaxPoolingRunsOnTheMaxima() {
        CheckedNetwork network = Networks.network("ReluPool", Shape.volume(2, 2, 6))
                .layer("copy", new Operation.Conv(2, 1, 1, 0, false), Activation.RELU)
                .layer("max", new Operation.Pool(PoolKind.MAX, 2, 2, false))
                .build();
        String source = new ModelWriter().write(network, null).toString();
        assertFalse(source.contains("forwardCopyRelu"), "the ReLU still runs on the whole volume");
        assertTrue(source.contains("the ReLU of the layer before, on the maxima"), source);
        Model model = ModelCompiler.compile(network);
        model.layers().get(0).setWeights(ConvCodeTest.identity(2));
        model.layers().get(0).setBias(new float[2]);
        float[] input = {
            // plane 0, windows: mixed, all negative, -0.0 and negatives
            -1, 3, -2, -5, -0f, -1,
            2, -4, -3, -6, -7, -8,
            // plane 1, windows: mixed, a tie of positives, all zero
            1, 9, 5, 5, 0, 0,
            2, 3, 1, 0, 0, 0,
        };
        float[] output = model.forward(input, 0).clone();
        assertArrayEquals(new float[] {3, 0, 0, 9, 5, 0}, output);
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(output[2]), "-0.0 made 0.0");
        model.backward(new float[] {10, 20, 30, 40, 50, 60}, 0);
        float[] expected = new float[input.length];
        expected[1] = 10; // the maximum 3, positive
        expected[13] = 40; // the 9
        expected[14] = 50; // the first of the two 5s
        assertArrayEquals(expected, model.inputGradient());
    }
}
