package dev.filtre.processor.write;

import com.google.gson.JsonObject;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import org.junit.jupiter.api.Test;

/** Flatten is channel first, then row, then column, like PyTorch; its backward is the inverse copy. */
class FlattenCodeTest {
    /** Flattening moves values without arithmetic: equal up to the float32 rounding of the inputs. */
    @Test
    void matchesPyTorchExactly() {
        JsonObject vector = Vectors.load("flatten_2x3x2x2");
        int[] input = Vectors.shape(Vectors.tensor(vector, "input"));
        Model model = ModelCompiler.compile(Networks.network("FlattenNet", Shape.volume(input[1], input[2], input[3]))
                .layer("flatten", new Operation.Flatten())
                .build());
        LayerVectors.check(model, vector, new Tolerance(0, 1e-7));
    }
}
