package dev.filtre.processor.write;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PyTorch reference vectors of {@code testdata/vectors} (see its README): tensors are {@code
 * {"shape": [...], "data": [...]}}, row-major, computed in float64.
 */
final class Vectors {
    /** The repository's copy, relative to the processor module's base directory. */
    static final Path DIRECTORY = Path.of("../testdata/vectors");

    private Vectors() {}

    static JsonObject load(String name) {
        Path file = DIRECTORY.resolve(name.endsWith(".json") ? name : name + ".json");
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference vector " + file.toAbsolutePath(), e);
        }
    }

    static int[] shape(JsonObject tensor) {
        JsonArray dims = tensor.getAsJsonArray("shape");
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).getAsInt();
        }
        return shape;
    }

    static double[] doubles(JsonObject tensor) {
        JsonArray data = tensor.getAsJsonArray("data");
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.get(i).getAsDouble();
        }
        return values;
    }

    /** The values rounded to float32, as the model takes them. */
    static float[] floats(JsonObject tensor) {
        double[] doubles = doubles(tensor);
        float[] values = new float[doubles.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) doubles[i];
        }
        return values;
    }

    static JsonObject tensor(JsonObject vector, String key) {
        return vector.getAsJsonObject(key);
    }

    static float[] floats(JsonObject vector, String key) {
        return floats(tensor(vector, key));
    }

    static double[] doubles(JsonObject vector, String key) {
        return doubles(tensor(vector, key));
    }

    /** The pair {@code params.<key>} as {@code [height, width]}. */
    static int[] pair(JsonObject vector, String key) {
        JsonArray pair = vector.getAsJsonObject("params").getAsJsonArray(key);
        return new int[] {pair.get(0).getAsInt(), pair.get(1).getAsInt()};
    }

    static boolean floored(JsonObject vector) {
        JsonObject params = vector.getAsJsonObject("params");
        return params.has("floored") && params.get("floored").getAsBoolean();
    }
}
