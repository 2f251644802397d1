package dev.filtre.runtime.io;

import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Saves and loads a model's weights in the safetensors format, the one PyTorch users exchange
 * ({@code safetensors.torch.load_file} reads what this writes).
 *
 * <p>Each layer with parameters gives two {@code F32} tensors named like a PyTorch {@code
 * state_dict}: {@code <layer>.weight} ({@code [filters, channels, k, k]} or {@code [out, in]}) and
 * {@code <layer>.bias}. The header's {@code __metadata__} holds {@code "network"} (the model's
 * name) and {@code "filtre_version"}. The header is padded with spaces to a multiple of 8 bytes, so
 * the data is aligned, as the format's specification recommends. Files are replaced atomically
 * (see {@link AtomicFiles}): a crash while saving leaves the previous file intact.
 *
 * <pre>{@code
 * SafeTensors.save(model, Path.of("fashion.safetensors"));
 * SafeTensors.load(model, Path.of("fashion.safetensors"));
 * }</pre>
 */
public final class SafeTensors {
    /** The metadata key holding the model's name. */
    public static final String NETWORK_KEY = "network";

    /** The metadata key holding the version of Filtre that wrote the file. */
    public static final String VERSION_KEY = "filtre_version";

    private static final int CHUNK_FLOATS = 1 << 18;

    private SafeTensors() {}

    /** Writes every layer's weights and bias to {@code file}, atomically. */
    public static void save(Model model, Path file) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(NETWORK_KEY, model.name());
        metadata.put(VERSION_KEY, filtreVersion());
        write(file, tensorsOf(model), metadata);
    }

    /**
     * Replaces the model's parameters with those of {@code file}. Nothing is changed unless every
     * tensor fits.
     *
     * @throws WeightFileException naming the file and listing every difference from the model:
     *     missing tensors, unexpected tensors, wrong shapes (both shapes given), wrong dtypes; or
     *     what is wrong with the file's layout
     */
    public static void load(Model model, Path file) throws IOException {
        SafeTensorsFile weights = SafeTensorsFile.read(file);
        List<NamedTensor> expected = tensorsOf(model);
        List<String> problems = new ArrayList<>();
        Set<String> expectedNames = new HashSet<>();
        for (NamedTensor tensor : expected) {
            expectedNames.add(tensor.name());
            SafeTensorsFile.Entry entry = weights.entries().get(tensor.name());
            if (entry == null) {
                problems.add("missing tensor " + tensor.name() + " " + Arrays.toString(tensor.shape()));
                continue;
            }
            if (!Arrays.equals(entry.shape(), tensor.shape())) {
                problems.add(tensor.name() + ": file has " + Arrays.toString(entry.shape()) + ", model expects "
                        + Arrays.toString(tensor.shape()));
            }
            if (!entry.dtype().equals("F32")) {
                problems.add(tensor.name() + ": file has dtype " + entry.dtype() + ", model expects F32");
            }
        }
        for (String name : weights.entries().keySet()) {
            if (!expectedNames.contains(name)) {
                problems.add("unexpected tensor " + name + " " + Arrays.toString(weights.entries().get(name).shape()));
            }
        }
        if (!problems.isEmpty()) {
            throw new WeightFileException(file, "does not fit model " + model.name(), problems);
        }
        float[] parameters = model.parameters();
        for (NamedTensor tensor : expected) {
            float[] values = weights.floats(tensor.name());
            System.arraycopy(values, 0, parameters, tensor.offset(), values.length);
        }
    }

    /** The model's parameters as named tensors that view {@link Model#parameters()} (no copy). */
    public static List<NamedTensor> tensorsOf(Model model) {
        float[] parameters = model.parameters();
        List<NamedTensor> tensors = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (layer.parameterCount() == 0) {
                continue;
            }
            tensors.add(new NamedTensor(layer.name() + ".weight", layer.weightShape(), parameters, layer.weightOffset()));
            tensors.add(new NamedTensor(layer.name() + ".bias", layer.biasShape(), parameters, layer.biasOffset()));
        }
        return tensors;
    }

    /**
     * Writes float32 tensors and string metadata to {@code file} atomically, in the given order.
     *
     * @throws IllegalArgumentException when two tensors share a name or one is named {@code
     *     __metadata__}
     */
    public static void write(Path file, List<NamedTensor> tensors, Map<String, String> metadata) throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(file, channel -> {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
            writeFully(channel, length);
            writeFully(channel, ByteBuffer.wrap(header));
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (NamedTensor tensor : tensors) {
                int written = 0;
                while (written < tensor.size()) {
                    int count = Math.min(CHUNK_FLOATS, tensor.size() - written);
                    chunk.clear();
                    FloatBuffer floats = chunk.asFloatBuffer();
                    floats.put(tensor.data(), tensor.offset() + written, count);
                    chunk.limit(count * Float.BYTES);
                    writeFully(channel, chunk);
                    written += count;
                }
            }
        });
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes. */
    static byte[] header(List<NamedTensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(SafeTensorsFile.METADATA_KEY, new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (NamedTensor tensor : tensors) {
            if (tensor.name().equals(SafeTensorsFile.METADATA_KEY) || header.containsKey(tensor.name())) {
                throw new IllegalArgumentException("tensor name " + tensor.name() + " is used twice or reserved");
            }
            long end = offset + (long) tensor.size() * Float.BYTES;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            List<Object> shape = new ArrayList<>();
            for (int dimension : tensor.shape()) {
                shape.add((long) dimension);
            }
            entry.put("shape", shape);
            entry.put("data_offsets", List.of(offset, end));
            header.put(tensor.name(), entry);
            offset = end;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] bytes = Arrays.copyOf(json, padded);
        Arrays.fill(bytes, json.length, padded, (byte) ' ');
        return bytes;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** The version in the runtime jar's Maven properties, or {@code "development"} outside a jar. */
    static String filtreVersion() {
        try (InputStream in = SafeTensors.class.getResourceAsStream(
                "/META-INF/maven/dev.filtre/filtre-runtime/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "development");
            }
        } catch (IOException unreadable) {
            // fall through: the version is informative only
        }
        return "development";
    }
}
