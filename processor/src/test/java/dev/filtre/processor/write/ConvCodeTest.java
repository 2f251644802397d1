package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated convolution, forward and backward, against PyTorch and the lecture. */
class ConvCodeTest {
    /** A one-layer model for a conv2d vector; floored cases declare {@code floor = true}. */
    static Model convModel(JsonObject vector) {
        int[] input = Vectors.shape(Vectors.tensor(vector, "input"));
        int[] weights = Vectors.shape(Vectors.tensor(vector, "weights"));
        int[] kernel = Vectors.pair(vector, "kernel_size");
        int[] stride = Vectors.pair(vector, "stride");
        int[] padding = Vectors.pair(vector, "padding");
        assertEquals(kernel[0], kernel[1], "square kernels only");
        assertEquals(stride[0], stride[1], "one stride only");
        assertEquals(padding[0], padding[1], "one padding only");
        Operation.Conv conv = new Operation.Conv(weights[0], kernel[0], stride[0], padding[0], Vectors.floored(vector));
        return ModelCompiler.compile(Networks.network("ConvNet", Shape.volume(input[1], input[2], input[3]))
                .layer("conv", conv)
                .build());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "conv2d_k3_s1_p0_c1_o1",
        "conv2d_k3_s1_p1_c3_o2",
        "conv2d_k5_s1_p2_c3_o4_rect7x9",
        "conv2d_k3_s2_p1_c3_o2",
        "conv2d_k1_s1_p0_c3_o4",
        "conv2d_k3_s3_p0_c1_o3",
        "conv2d_k3_s2_p0_c3_o2_floor_8x8",
        "conv2d_k5_s3_p1_c3_o2_floor_rect7x9",
        "conv2d_k3_s2_p2_c1_o1_floor_6x7",
        "conv2d_k5_s2_p0_c1_o3_rect9x7",
    })
    void matchesPyTorch(String name) {
        JsonObject vector = Vectors.load(name);
        LayerVectors.check(convModel(vector), vector, Tolerance.LAYER);
    }

    /**
     * The lecture's examples are small integers: every product and sum is exact in float32, so the
     * forward values and all gradients must match exactly. For the cs231n demo the vector's {@code
     * output} holds the values computed from the printed input and weights (the slide as printed
     * disagrees in its first map's last row; see the vector's note), which is what a correct
     * convolution gives.
     */
    @ParameterizedTest
    @ValueSource(strings = {"lecture_conv_valid", "lecture_cs231n_conv_s2_p1"})
    void matchesTheLectureExactly(String name) {
        JsonObject vector = Vectors.load(name);
        LayerVectors.check(convModel(vector), vector, Tolerance.EXACT);
    }

    @Test
    void lectureConvolutionGivesThePrintedTable() {
        JsonObject vector = Vectors.load("lecture_conv_valid");
        Model model = convModel(vector);
        LayerVectors.setParameters(model.layers().get(0), vector);
        float[] image = {2, 0, 4, 1, 0, 1, 1, 1, 0, 0, 5, 1, 3, 0, 0, 1, 0, 0, 0, 0};
        model.layers().get(0).setWeights(0, 1, 0, 1, 1, 1, 0, 1, 0);
        model.layers().get(0).setBias(0);
        assertArrayEquals(new float[] {4, 9, 2, 10, 5, 3}, model.forward(image, 0));
    }

    /** A fused ReLU is applied in place after the convolution; its derivative comes from the outputs. */
    @Test
    void fusedReluMatchesTheStandaloneOne() {
        JsonObject vector = Vectors.load("relu_with_zeros");
        int[] input = Vectors.shape(Vectors.tensor(vector, "input"));
        int channels = input[1];
        Model model = ModelCompiler.compile(
                Networks.network("FusedNet", Shape.volume(channels, input[2], input[3]))
                        .layer("identity", new Operation.Conv(channels, 1, 1, 0, false), Activation.RELU)
                        .build());
        model.layers().get(0).setWeights(identity(channels));
        model.layers().get(0).setBias(new float[channels]);
        LayerVectors.checkPasses(model, vector, Tolerance.LAYER);
    }

    /** The weights of a 1x1 convolution, or a dense layer, that copies its input. */
    static float[] identity(int size) {
        float[] weights = new float[size * size];
        for (int i = 0; i < size; i++) {
            weights[i * size + i] = 1;
        }
        return weights;
    }
}
