package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
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
}
