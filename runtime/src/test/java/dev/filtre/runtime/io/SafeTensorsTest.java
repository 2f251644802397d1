package dev.filtre.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.runtime.train.TestMlp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path directory;

    /** hidden: Dense 4 -> 5 (tanh), drop: Dropout (no parameters), out: Dense 5 -> 3. */
    private static TestMlp model(long seed) {
        TestMlp model = new TestMlp(4, 5, 3, TestMlp.Activation.TANH, 0.5, true);
        model.initialize(seed);
        model.layers().get(0).setBias(0.1f, 0.2f, 0.3f, 0.4f, 0.5f);
        return model;
    }

    /** A file of the given header text (not padded) and data bytes. */
    private Path raw(String name, String header, int dataBytes) throws Exception {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(json.length).put(json);
        return Files.write(directory.resolve(name), bytes.array());
    }

    @Test
    void savedWeightsLoadBackIntoAnotherInstance() throws Exception {
        TestMlp saved = model(1);
        TestMlp loaded = model(2);
        Path file = directory.resolve("mlp.safetensors");

        SafeTensors.save(saved, file);
        SafeTensors.load(loaded, file);

        assertArrayEquals(saved.parameters(), loaded.parameters());
        try (var files = Files.list(directory)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void theFileFollowsTheSafetensorsLayoutByteForByte() throws Exception {
        TestMlp model = new TestMlp(1, 1, 2, TestMlp.Activation.TANH, 0, true);
        System.arraycopy(new float[] {1.5f, -2, 0.25f, 3, 4, -1}, 0, model.parameters(), 0, 6);
        Path file = directory.resolve("tiny.safetensors");

        SafeTensors.save(model, file);

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = bytes.getLong(0);
        assertEquals(0, headerLength % 8, "the data starts 8-byte aligned");
        String header = new String(bytes.array(), 8, (int) headerLength, StandardCharsets.UTF_8);
        String json = "{\"__metadata__\":{\"network\":\"TestMlp\",\"filtre_version\":\"" + SafeTensors.filtreVersion()
                + "\"},"
                + "\"hidden.weight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]},"
                + "\"hidden.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"out.weight\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[8,16]},"
                + "\"out.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]}}";
        assertEquals(json, header.stripTrailing());
        assertTrue(headerLength - json.length() < 8 && header.substring(json.length()).isBlank(), "padded with spaces");
        assertEquals(8 + headerLength + 24, bytes.capacity());
        bytes.position(8 + (int) headerLength);
        float[] data = new float[6];
        bytes.asFloatBuffer().get(data);
        assertArrayEquals(new float[] {1.5f, -2, 0.25f, 3, 4, -1}, data);

        SafeTensorsFile read = SafeTensorsFile.read(file);
        assertEquals(Map.of("network", "TestMlp", "filtre_version", SafeTensors.filtreVersion()), read.metadata());
        assertArrayEquals(new int[] {2, 1}, read.entries().get("out.weight").shape());
    }

    @Test
    void everyDifferenceFromTheModelIsListedInOneMessageAndNothingIsLoaded() throws Exception {
        TestMlp model = model(1);
        float[] before = model.parameters().clone();
        Path file = directory.resolve("broken.safetensors");
        SafeTensors.write(file, List.of(
                new NamedTensor("hidden.weight", new int[] {5, 3}, new float[15]),
                new NamedTensor("hidden.bias", new int[] {5}, new float[5]),
                new NamedTensor("out.weight", new int[] {3, 5}, new float[15]),
                new NamedTensor("extra.weight", new int[] {2}, new float[2])), Map.of());

        WeightFileException e = assertThrows(WeightFileException.class, () -> SafeTensors.load(model, file));

        assertEquals("broken.safetensors: does not fit model TestMlp:\n"
                + "  - hidden.weight: file has [5, 3], model expects [5, 4]\n"
                + "  - missing tensor out.bias [3]\n"
                + "  - unexpected tensor extra.weight [2]", e.getMessage());
        assertEquals(3, e.problems().size());
        assertArrayEquals(before, model.parameters());
    }

    @Test
    void anotherDtypeIsReported() throws Exception {
        String header = "{\"hidden.weight\":{\"dtype\":\"F16\",\"shape\":[5,4],\"data_offsets\":[0,40]},"
                + "\"hidden.bias\":{\"dtype\":\"F32\",\"shape\":[5],\"data_offsets\":[40,60]},"
                + "\"out.weight\":{\"dtype\":\"F32\",\"shape\":[3,5],\"data_offsets\":[60,120]},"
                + "\"out.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[120,132]}}";
        Path file = raw("half.safetensors", header, 132);

        WeightFileException e = assertThrows(WeightFileException.class, () -> SafeTensors.load(model(1), file));

        assertEquals("half.safetensors: does not fit model TestMlp:\n"
                + "  - hidden.weight: file has dtype F16, model expects F32", e.getMessage());
    }

    @Test
    void aHeaderLengthBeyondTheFileIsReported() throws Exception {
        ByteBuffer bytes = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(1000);
        Path file = Files.write(directory.resolve("cut.safetensors"), bytes.array());

        WeightFileException e = assertThrows(WeightFileException.class, () -> SafeTensors.load(model(1), file));

        assertEquals("cut.safetensors: header length 1000 (bytes 0-7) goes beyond the file size 20 (at most 12)",
                e.getMessage());
    }

    @Test
    void aFileTooShortForTheHeaderLengthIsReported() throws Exception {
        Path file = Files.write(directory.resolve("empty.safetensors"), new byte[3]);

        WeightFileException e = assertThrows(WeightFileException.class, () -> SafeTensorsFile.read(file));

        assertEquals("empty.safetensors: file has 3 bytes, too short for the 8-byte header length of a safetensors"
                + " file", e.getMessage());
    }

    @Test
    void dataOffsetsOutOfRangeAreReported() throws Exception {
        Path file = raw("short.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[100],\"data_offsets\":[0,400]}}", 16);

        WeightFileException e = assertThrows(WeightFileException.class, () -> SafeTensorsFile.read(file));

        assertEquals("short.safetensors: invalid safetensors header:\n"
                + "  - a: data offsets [0, 400] out of range: the data after the header has 16 bytes\n"
                + "  - bytes 0 to 16 of the data belong to no tensor", e.getMessage());
    }

    @Test
    void offsetsThatDisagreeWithTheShapeOrOverlapAreReported() throws Exception {
        Path file = raw("overlap.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]},"
                        + "\"c\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[12,16]}}", 16);

        WeightFileException e = assertThrows(WeightFileException.class, () -> SafeTensorsFile.read(file));

        assertEquals(List.of(
                "c: data offsets [12, 16] span 4 bytes, shape [3] of F32 needs 12",
                "b: data offsets [4, 12] overlap those of a",
                "bytes 12 to 16 of the data belong to no tensor"), e.problems());
    }

    @Test
    void malformedJsonIsReportedWithItsOffset() throws Exception {
        Path file = raw("bad.safetensors", "{\"a\": {\"dtype\" \"F32\"}}", 0);

        WeightFileException e = assertThrows(WeightFileException.class, () -> SafeTensorsFile.read(file));

        assertEquals("bad.safetensors: malformed JSON header: expected ':', found '\"' at offset 15 of the header"
                + " (file offset 23)", e.getMessage());
    }

    @Test
    void savingReplacesTheOldFile() throws Exception {
        Path file = directory.resolve("model.safetensors");
        TestMlp first = model(1);
        TestMlp second = model(2);
        TestMlp loaded = model(3);

        SafeTensors.save(first, file);
        SafeTensors.save(second, file);
        SafeTensors.load(loaded, file);

        assertArrayEquals(second.parameters(), loaded.parameters());
    }
}
