package dev.filtre.runtime.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, raw or gzip-compressed (recognized by
 * the gzip magic bytes {@code 1f 8b}, whatever the file's name).
 *
 * <p>An IDX file is a 4-byte big-endian magic number {@code 0x0000TTDD} (two zero bytes, the
 * element type {@code TT}, here always {@code 0x08} for unsigned bytes, and the number of
 * dimensions {@code DD}), then each dimension as a big-endian 32-bit integer, then the data. Every
 * one of these is checked, and the data must be exactly as long as the dimensions say; errors are
 * {@link IdxFormatException}s naming the file, the offset and the values found and expected.
 */
public final class Idx {
    /** The element type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    private Idx() {}

    /**
     * Reads an IDX file of unsigned bytes with {@code dimensionCount} dimensions.
     *
     * @param role what the file should hold, for messages: {@code "images"}, {@code "labels"}
     * @throws IdxFormatException when the magic number, a dimension or the length is wrong
     */
    public static IdxArray read(Path file, int dimensionCount, String role) throws IOException {
        Content content = content(file);
        byte[] bytes = content.bytes();
        String uncompressed = content.compressed() ? " (uncompressed)" : "";
        if (bytes.length < 4) {
            throw new IdxFormatException(file, "truncated: file has " + bytes.length + " bytes" + uncompressed
                    + ", too short for the 4-byte magic number");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int magic = buffer.getInt(0);
        int expectedMagic = UNSIGNED_BYTE << 8 | dimensionCount;
        if (magic != expectedMagic) {
            throw new IdxFormatException(file, String.format(
                    "wrong magic number 0x%08x at offset 0, expected 0x%08x for %s (unsigned bytes, %d dimension%s)",
                    magic, expectedMagic, role, dimensionCount, dimensionCount == 1 ? "" : "s"));
        }
        int dataOffset = 4 + 4 * dimensionCount;
        if (bytes.length < dataOffset) {
            throw new IdxFormatException(file, "truncated: the header of " + dimensionCount + " dimensions ends at offset "
                    + dataOffset + ", file has " + bytes.length + " bytes" + uncompressed);
        }
        int[] dimensions = new int[dimensionCount];
        long expectedLength = 1;
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < dimensionCount; i++) {
            dimensions[i] = buffer.getInt(4 + 4 * i);
            if (dimensions[i] < 0) {
                throw new IdxFormatException(file, "dimension " + i + " at offset " + (4 + 4 * i) + " is "
                        + Integer.toUnsignedString(dimensions[i]) + ", too large");
            }
            expectedLength *= dimensions[i];
            shape.append(i == 0 ? "" : "x").append(dimensions[i]);
        }
        long actualLength = bytes.length - dataOffset;
        if (actualLength != expectedLength) {
            String what = actualLength < expectedLength ? "truncated" : "too long";
            throw new IdxFormatException(file, what + ": header says " + shape + " = " + expectedLength
                    + " bytes of data from offset " + dataOffset + ", file has " + actualLength + uncompressed);
        }
        byte[] data = new byte[(int) actualLength];
        System.arraycopy(bytes, dataOffset, data, 0, data.length);
        return new IdxArray(dimensions, data);
    }

    /** A file's bytes, decompressed when it was gzip-compressed. */
    private record Content(byte[] bytes, boolean compressed) {}

    private static Content content(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (!startsWithGzipMagic(raw)) {
            return new Content(raw, false);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return new Content(in.readAllBytes(), true);
        } catch (IOException e) {
            throw new IdxFormatException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
    }

    private static boolean startsWithGzipMagic(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b;
    }
}
