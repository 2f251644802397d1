package dev.filtre.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads small IDX files in Fashion-MNIST's layout written here, never the real data set. */
class FashionMnistTest {
    @TempDir
    Path directory;

    private void writeSet(String prefix, int count, boolean gzip) throws Exception {
        byte[] pixels = IdxFiles.ramp(count * 28 * 28);
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (9 - i % 10);
        }
        byte[] images = IdxFiles.idx(0x08, new int[] {count, 28, 28}, pixels);
        byte[] labelFile = IdxFiles.idx(0x08, new int[] {count}, labels);
        String suffix = gzip ? ".gz" : "";
        IdxFiles.write(directory.resolve(prefix + "-images-idx3-ubyte" + suffix), gzip ? IdxFiles.gzip(images) : images);
        IdxFiles.write(directory.resolve(prefix + "-labels-idx1-ubyte" + suffix),
                gzip ? IdxFiles.gzip(labelFile) : labelFile);
    }

    @Test
    void readsScaledPixelsLabelsAndClassNames() throws Exception {
        writeSet("train", 5, true);
        writeSet("t10k", 3, false);

        FashionMnist fashion = FashionMnist.load(directory);

        assertEquals(5, fashion.train().size());
        assertEquals(3, fashion.test().size());
        assertArrayEquals(new int[] {1, 28, 28}, fashion.train().sampleShape());
        assertArrayEquals(new int[] {9, 8, 7, 6, 5}, fashion.train().labels());
        assertEquals(37f / 255f, fashion.train().inputs()[1]);
        assertEquals((37 * 7 & 0xFF) / 255f, fashion.test().inputs()[7]);
        assertEquals("Ankle boot", fashion.train().classNames().get(fashion.train().label(0)));
        assertEquals(10, fashion.test().classCount());
        assertEquals("T-shirt/top", FashionMnist.CLASS_NAMES.get(0));
    }

    @Test
    void aMissingDirectorySaysHowToInstallTheDataSet() {
        Path missing = directory.resolve("nowhere");

        DataSetNotFoundException e = assertThrows(DataSetNotFoundException.class, () -> FashionMnist.load(missing));

        assertTrue(e.getMessage().startsWith("Fashion-MNIST not found: no directory " + missing + "."), e.getMessage());
        assertTrue(e.getMessage().contains("sudo apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        writeSet("train", 2, true);
        Files.delete(directory.resolve("train-labels-idx1-ubyte.gz"));

        DataSetNotFoundException e = assertThrows(DataSetNotFoundException.class, () -> FashionMnist.load(directory));

        assertTrue(e.getMessage().startsWith("Fashion-MNIST: neither train-labels-idx1-ubyte.gz nor"
                + " train-labels-idx1-ubyte in " + directory), e.getMessage());
    }

    @Test
    void labelsThatAreNotClassesAreReported() throws Exception {
        writeSet("train", 2, false);
        writeSet("t10k", 2, false);
        IdxFiles.write(directory.resolve("t10k-labels-idx1-ubyte"), IdxFiles.idx(0x08, new int[] {2}, new byte[] {1, 12}));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> FashionMnist.load(directory));

        assertEquals("t10k-labels-idx1-ubyte: label 12 of item 1 at offset 9 is not a class (0 to 9)", e.getMessage());
    }

    @Test
    void countsThatDisagreeAreReported() throws Exception {
        writeSet("train", 3, false);
        IdxFiles.write(directory.resolve("train-labels-idx1-ubyte"), IdxFiles.idx(0x08, new int[] {2}, new byte[2]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> FashionMnist.load(directory));

        assertEquals("train-labels-idx1-ubyte: 2 labels for the 3 images of train-images-idx3-ubyte", e.getMessage());
    }
}
