package dev.filtre.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path directory;

    @Test
    void readsRawImages() throws Exception {
        byte[] pixels = IdxFiles.ramp(3 * 2 * 4);
        Path file = IdxFiles.write(directory.resolve("images-idx3-ubyte"), IdxFiles.idx(0x08, new int[] {3, 2, 4}, pixels));

        IdxArray images = Idx.read(file, 3, "images");

        assertArrayEquals(new int[] {3, 2, 4}, images.dimensions());
        assertEquals(3, images.count());
        assertEquals(8, images.itemSize());
        assertArrayEquals(pixels, images.data());
        assertEquals(37 * 5 % 256, images.unsigned(5));
        assertEquals(255 & (byte) (37 * 7), images.unsigned(7));
    }

    @Test
    void readsGzipRecognizedByItsMagicBytesWhateverTheName() throws Exception {
        byte[] labels = {0, 9, 3, 255 - 256};
        Path file = IdxFiles.write(directory.resolve("labels-without-extension"),
                IdxFiles.gzip(IdxFiles.idx(0x08, new int[] {4}, labels)));

        IdxArray read = Idx.read(file, 1, "labels");

        assertArrayEquals(new int[] {4}, read.dimensions());
        assertEquals(255, read.unsigned(3));
    }

    @Test
    void truncatedDataIsReportedWithTheHeadersArithmetic() throws Exception {
        byte[] whole = IdxFiles.idx(0x08, new int[] {60000, 28, 28}, new byte[1234]);
        Path file = IdxFiles.write(directory.resolve("train-images-idx3-ubyte.gz"), IdxFiles.gzip(whole));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.read(file, 3, "images"));

        assertEquals("train-images-idx3-ubyte.gz: truncated: header says 60000x28x28 = 47040000 bytes of data from"
                + " offset 16, file has 1234 (uncompressed)", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void aTruncatedHeaderIsReported() throws Exception {
        byte[] header = Arrays.copyOf(IdxFiles.idx(0x08, new int[] {2, 28, 28}, new byte[0]), 10);
        Path file = IdxFiles.write(directory.resolve("short"), header);

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.read(file, 3, "images"));

        assertEquals("short: truncated: the header of 3 dimensions ends at offset 16, file has 10 bytes", e.getMessage());
    }

    @Test
    void extraBytesAreReported() throws Exception {
        Path file = IdxFiles.write(directory.resolve("long"), IdxFiles.idx(0x08, new int[] {2}, new byte[5]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.read(file, 1, "labels"));

        assertEquals("long: too long: header says 2 = 2 bytes of data from offset 8, file has 5", e.getMessage());
    }

    @Test
    void imagesGivenForLabelsHaveTheWrongMagicNumber() throws Exception {
        Path file = IdxFiles.write(directory.resolve("train-labels-idx1-ubyte"),
                IdxFiles.idx(0x08, new int[] {1, 2, 2}, new byte[4]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.read(file, 1, "labels"));

        assertEquals("train-labels-idx1-ubyte: wrong magic number 0x00000803 at offset 0, expected 0x00000801 for"
                + " labels (unsigned bytes, 1 dimension)", e.getMessage());
    }

    @Test
    void anotherElementTypeHasTheWrongMagicNumber() throws Exception {
        Path file = IdxFiles.write(directory.resolve("floats"), IdxFiles.idx(0x0D, new int[] {1, 1, 1}, new byte[4]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.read(file, 3, "images"));

        assertEquals("floats: wrong magic number 0x00000d03 at offset 0, expected 0x00000803 for images (unsigned"
                + " bytes, 3 dimensions)", e.getMessage());
    }

    @Test
    void aFileThatIsNotIdxAtAllHasTheWrongMagicNumber() throws Exception {
        Path file = IdxFiles.write(directory.resolve("page.html"), "<html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.read(file, 1, "labels"));

        assertEquals("page.html: wrong magic number 0x3c68746d at offset 0, expected 0x00000801 for labels (unsigned"
                + " bytes, 1 dimension)", e.getMessage());
    }

    @Test
    void corruptGzipIsReported() throws Exception {
        byte[] gzip = IdxFiles.gzip(IdxFiles.idx(0x08, new int[] {100}, new byte[100]));
        Path file = IdxFiles.write(directory.resolve("cut.gz"), Arrays.copyOf(gzip, gzip.length / 2));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.read(file, 1, "labels"));

        assertEquals("cut.gz: corrupt gzip data: Unexpected end of ZLIB input stream", e.getMessage());
    }
}
