package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    private static ConfusionMatrix threeSamples() {
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("cat", "dog"));
        matrix.add(0, 0);
        matrix.add(0, 1);
        matrix.add(1, 1);
        return matrix;
    }

    @Test
    void countsRecallAndAccuracy() {
        ConfusionMatrix matrix = threeSamples();
        assertEquals(1, matrix.count(0, 1));
        assertEquals(0, matrix.count(1, 0));
        assertEquals(0.5, matrix.recall(0));
        assertEquals(2.0 / 3, matrix.accuracy());
    }

    @Test
    void aClassOutsideTheMatrixIsNamed() {
        ConfusionMatrix matrix = threeSamples();
        assertEquals("predicted class 2 is not one of the 2 classes [cat, dog]",
                assertThrows(IndexOutOfBoundsException.class, () -> matrix.count(0, 2)).getMessage());
        assertEquals("actual class -1 is not one of the 2 classes [cat, dog]",
                assertThrows(IndexOutOfBoundsException.class, () -> matrix.recall(-1)).getMessage());
    }
}
