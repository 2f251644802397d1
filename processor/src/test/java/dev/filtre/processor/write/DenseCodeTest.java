package dev.filtre.processor.write;

import com.google.gson.JsonObject;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated dense layer {@code y = W x + b}, forward and backward, against PyTorch. */
class DenseCodeTest {
    @ParameterizedTest
    @ValueSource(strings = {"dense_in12_out5", "dense_in4_out3_batch1"})
    void matchesPyTorch(String name) {
        JsonObject vector = Vectors.load(name);
        int[] weights = Vectors.shape(Vectors.tensor(vector, "weights"));
        Model model = ModelCompiler.compile(Networks.network("DenseNet", Shape.vector(weights[1]))
                .layer("fc", new Operation.Dense(weights[0]))
                .build());
        LayerVectors.check(model, vector, Tolerance.LAYER);
    }
}
