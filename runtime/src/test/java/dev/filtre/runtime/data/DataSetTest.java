package dev.filtre.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataSetTest {
    private static final List<String> CLASSES = List.of("zero", "one", "two");

    /** 100 samples of shape {2}; sample i holds {i, -i} and label i % 3. */
    private static DataSet numbered() {
        float[] inputs = new float[200];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            inputs[2 * i] = i;
            inputs[2 * i + 1] = -i;
            labels[i] = i % 3;
        }
        return DataSet.ofLabels(inputs, new int[] {2}, labels, CLASSES);
    }

    private static Set<Integer> ids(DataSet data) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            int id = (int) data.inputs()[data.inputOffset(i)];
            assertEquals(-id, data.inputs()[data.inputOffset(i) + 1]);
            assertEquals(id % 3, data.label(i), "labels follow their samples");
            ids.add(id);
        }
        return ids;
    }

    @Test
    void aSeededSplitIsAPartitionThatTheSeedDetermines() {
        DataSet data = numbered();

        DataSet.Split split = data.split(0.2, 42);
        DataSet.Split again = data.split(0.2, 42);
        DataSet.Split other = data.split(0.2, 43);

        assertEquals(80, split.train().size());
        assertEquals(20, split.validation().size());
        Set<Integer> all = new HashSet<>(ids(split.train()));
        all.addAll(ids(split.validation()));
        assertEquals(100, all.size());
        assertArrayEquals(split.validation().inputs(), again.validation().inputs());
        assertNotEquals(ids(split.validation()), ids(other.validation()));
        float[] validation = split.validation().inputs();
        for (int i = 1; i < split.validation().size(); i++) {
            assertEquals(-1, Float.compare(validation[2 * (i - 1)], validation[2 * i]), "original order kept");
        }
    }

    @Test
    void subsetCopiesTheChosenSamplesInOrder() {
        DataSet subset = numbered().subset(new int[] {5, 1});

        assertArrayEquals(new float[] {5, -5, 1, -1}, subset.inputs());
        assertArrayEquals(new int[] {2, 1}, subset.labels());
        assertEquals(CLASSES, subset.classNames());
        assertEquals(3, numbered().first(3).size());
    }

    @Test
    void regressionTargetsFollowTheirSamples() {
        DataSet data = DataSet.ofTargets(new float[] {1, 2, 3}, new int[] {1}, new float[] {10, 11, 20, 21, 30, 31}, 2);

        DataSet subset = data.subset(new int[] {2, 0});

        assertArrayEquals(new float[] {30, 31, 10, 11}, subset.targets());
        assertEquals(2, subset.targetSize());
        assertThrows(IllegalStateException.class, subset::labels);
    }

    @Test
    void inconsistentDataIsRefusedWithTheReason() {
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> DataSet.ofLabels(new float[4], new int[] {2}, new int[] {0, 3}, CLASSES));
        assertEquals("sample 1 has label 3, outside [0, 3)", label.getMessage());

        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> DataSet.ofLabels(new float[5], new int[] {2}, new int[] {0, 1}, CLASSES));
        assertEquals("5 input values are not a whole number of samples of shape [2] (2 values each)",
                count.getMessage());

        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> DataSet.ofLabels(new float[4], new int[] {2}, new int[] {0}, CLASSES));
        assertEquals("1 labels for 2 samples", labels.getMessage());

        assertThrows(IllegalArgumentException.class, () -> numbered().split(1.0, 1));
    }

    @Test
    void permutationsDependOnlyOnTheSeed() {
        int[] order = Permutations.shuffled(50, 7);

        assertArrayEquals(order, Permutations.shuffled(50, 7));
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        assertNotEquals(Arrays.toString(order), Arrays.toString(Permutations.shuffled(50, 8)));
    }
}
