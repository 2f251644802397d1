package dev.filtre.runtime.train;

import dev.filtre.runtime.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads the PyTorch reference vectors of {@code testdata/vectors} (see its README). */
final class Vectors {
    static final Path DIRECTORY = Path.of("../testdata/vectors");

    private final Map<String, Object> json;

    /** The layers of a whole-network case, each read like a case of its own. */
    @SuppressWarnings("unchecked")
    java.util.List<Vectors> layers() {
        return ((List<Object>) json.get("layers")).stream()
                .map(layer -> new Vectors((Map<String, Object>) layer))
                .toList();
    }

    /** True when this case or layer has the key, e.g. {@code "weights"}. */
    boolean has(String key) {
        return json.containsKey(key);
    }

    private Vectors(Map<String, Object> json) {
        this.json = json;
    }

    static Vectors read(String name) {
        try {
            return new Vectors(Json.parseObject(Files.readString(DIRECTORY.resolve(name + ".json"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tensor's data as doubles. */
    double[] doubles(String key) {
        List<?> data = data(key);
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((Number) data.get(i)).doubleValue();
        }
        return values;
    }

    /** A tensor's data as floats (the rounded inputs are the exact values used). */
    float[] floats(String key) {
        double[] doubles = doubles(key);
        float[] values = new float[doubles.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) doubles[i];
        }
        return values;
    }

    int[] ints(String key) {
        double[] doubles = doubles(key);
        int[] values = new int[doubles.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (int) doubles[i];
        }
        return values;
    }

    int[] shape(String key) {
        List<?> shape = (List<?>) tensor(key).get("shape");
        return shape.stream().mapToInt(d -> ((Number) d).intValue()).toArray();
    }

    private List<?> data(String key) {
        return (List<?>) tensor(key).get("data");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tensor(String key) {
        Object tensor = json.get(key);
        if (tensor == null) {
            throw new IllegalArgumentException("no " + key + " in " + json.get("name"));
        }
        return (Map<String, Object>) tensor;
    }
}
