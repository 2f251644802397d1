package dev.filtre.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file read and validated: its metadata, the entries of its header and its data.
 *
 * <p>The format (https://huggingface.co/docs/safetensors): 8 bytes holding the header's length N
 * as an unsigned little-endian 64-bit integer; N bytes of UTF-8 JSON, an object mapping each
 * tensor name to {@code {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}} plus an
 * optional {@code "__metadata__"} object of strings; then the data, little-endian, where each
 * tensor's offsets are relative to the first byte after the header. The tensors must cover the
 * data exactly, without overlaps or holes.
 *
 * <p>{@link #read(Path)} checks all of that and reports every problem at once in a
 * {@link WeightFileException}.
 */
public final class SafeTensorsFile {
    /** The header key that holds the free-form string metadata. */
    public static final String METADATA_KEY = "__metadata__";

    /** Reading stops here: the reference implementation also refuses larger headers. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(
            Map.entry("BOOL", 1), Map.entry("U8", 1), Map.entry("I8", 1),
            Map.entry("F8_E5M2", 1), Map.entry("F8_E4M3", 1),
            Map.entry("I16", 2), Map.entry("U16", 2), Map.entry("F16", 2), Map.entry("BF16", 2),
            Map.entry("I32", 4), Map.entry("U32", 4), Map.entry("F32", 4),
            Map.entry("I64", 8), Map.entry("U64", 8), Map.entry("F64", 8));

    /**
     * One tensor as the header describes it.
     *
     * @param name the tensor's name
     * @param dtype its element type, e.g. {@code F32}
     * @param shape its shape
     * @param begin where its data starts, relative to the end of the header
     * @param end where its data ends (exclusive)
     */
    public record Entry(String name, String dtype, int[] shape, long begin, long end) {
        public Entry {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** The number of elements: the product of the shape. */
        public long elementCount() {
            long count = 1;
            for (int dimension : shape) {
                count *= dimension;
            }
            return count;
        }
    }

    private final Path file;
    private final Map<String, String> metadata;
    private final Map<String, Entry> entries;
    private final ByteBuffer data;

    private SafeTensorsFile(Path file, Map<String, String> metadata, Map<String, Entry> entries, ByteBuffer data) {
        this.file = file;
        this.metadata = metadata;
        this.entries = entries;
        this.data = data;
    }

    /**
     * Reads and validates a safetensors file.
     *
     * @throws WeightFileException listing every problem of the file's layout or header
     * @throws IOException when the file cannot be read
     */
    public static SafeTensorsFile read(Path file) throws IOException {
        ByteBuffer bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new WeightFileException(file, "file has " + size
                        + " bytes, too short for the 8-byte header length of a safetensors file");
            }
            if (size > Integer.MAX_VALUE) {
                throw new WeightFileException(file, "file has " + size + " bytes; files over 2 GiB are not supported");
            }
            bytes = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes) < 0) {
                    throw new IOException(file + ": file shrank while being read");
                }
            }
            bytes.flip();
        }
        long headerLength = bytes.getLong(0);
        long fileSize = bytes.limit();
        if (headerLength < 0 || headerLength > fileSize - 8) {
            throw new WeightFileException(file, "header length " + Long.toUnsignedString(headerLength)
                    + " (bytes 0-7) goes beyond the file size " + fileSize + " (at most " + (fileSize - 8) + ")");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new WeightFileException(file, "header length " + headerLength + " exceeds the limit of "
                    + MAX_HEADER_BYTES + " bytes");
        }
        String header = decodeHeader(file, bytes, (int) headerLength);
        Map<String, Object> json;
        try {
            json = Json.parseObject(header);
        } catch (JsonSyntaxException e) {
            throw new WeightFileException(file, "malformed JSON header: " + e.getMessage()
                    + " of the header (file offset " + (8 + e.offset()) + ")");
        }
        ByteBuffer data = bytes.position(8 + (int) headerLength).slice().order(ByteOrder.LITTLE_ENDIAN);
        List<String> problems = new ArrayList<>();
        Map<String, String> metadata = readMetadata(json.get(METADATA_KEY), problems);
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : json.entrySet()) {
            if (!field.getKey().equals(METADATA_KEY)) {
                Entry entry = readEntry(field.getKey(), field.getValue(), data.capacity(), problems);
                if (entry != null) {
                    entries.put(entry.name(), entry);
                }
            }
        }
        checkCoverage(entries.values(), data.capacity(), problems);
        if (!problems.isEmpty()) {
            throw new WeightFileException(file, "invalid safetensors header", problems);
        }
        return new SafeTensorsFile(file, metadata, Collections.unmodifiableMap(entries), data);
    }

    private static String decodeHeader(Path file, ByteBuffer bytes, int length) throws WeightFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.slice(8, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WeightFileException(file, "header (bytes 8-" + (8 + length) + ") is not valid UTF-8");
        }
    }

    private static Map<String, String> readMetadata(Object value, List<String> problems) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(METADATA_KEY + " must be an object of strings");
            return Map.of();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : map.entrySet()) {
            if (field.getValue() instanceof String s) {
                metadata.put((String) field.getKey(), s);
            } else {
                problems.add(METADATA_KEY + "." + field.getKey() + " must be a string, is " + field.getValue());
            }
        }
        return Collections.unmodifiableMap(metadata);
    }

    private static Entry readEntry(String name, Object value, long dataSize, List<String> problems) {
        if (!(value instanceof Map<?, ?> fields)) {
            problems.add(name + ": expected an object with dtype, shape and data_offsets, found " + value);
            return null;
        }
        int before = problems.size();
        for (Object key : fields.keySet()) {
            if (!key.equals("dtype") && !key.equals("shape") && !key.equals("data_offsets")) {
                problems.add(name + ": unknown field \"" + key + "\"");
            }
        }
        String dtype = null;
        if (!(fields.get("dtype") instanceof String d)) {
            problems.add(name + ": dtype missing or not a string");
        } else if (!DTYPE_BYTES.containsKey(d)) {
            problems.add(name + ": unknown dtype " + d);
        } else {
            dtype = d;
        }
        int[] shape = readShape(name, fields.get("shape"), problems);
        long[] offsets = readOffsets(name, fields.get("data_offsets"), problems);
        if (problems.size() > before) {
            return null;
        }
        Entry entry = new Entry(name, dtype, shape, offsets[0], offsets[1]);
        if (entry.end() > dataSize) {
            problems.add(name + ": data offsets [" + entry.begin() + ", " + entry.end()
                    + "] out of range: the data after the header has " + dataSize + " bytes");
            return null;
        }
        long expectedBytes = entry.elementCount() * DTYPE_BYTES.get(dtype);
        if (entry.end() - entry.begin() != expectedBytes) {
            problems.add(name + ": data offsets [" + entry.begin() + ", " + entry.end() + "] span "
                    + (entry.end() - entry.begin()) + " bytes, shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + expectedBytes);
            return null;
        }
        return entry;
    }

    private static int[] readShape(String name, Object value, List<String> problems) {
        if (!(value instanceof List<?> list)) {
            problems.add(name + ": shape missing or not an array");
            return null;
        }
        int[] shape = new int[list.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(list.get(i) instanceof Long dimension) || dimension < 0 || dimension > Integer.MAX_VALUE) {
                problems.add(name + ": shape " + list + " holds " + list.get(i) + ", not a dimension");
                return null;
            }
            shape[i] = (int) (long) dimension;
        }
        return shape;
    }

    private static long[] readOffsets(String name, Object value, List<String> problems) {
        if (value instanceof List<?> list && list.size() == 2
                && list.get(0) instanceof Long begin && list.get(1) instanceof Long end) {
            if (begin < 0 || end < begin) {
                problems.add(name + ": data offsets [" + begin + ", " + end + "] out of range");
                return null;
            }
            return new long[] {begin, end};
        }
        problems.add(name + ": data_offsets must be [begin, end], found " + value);
        return null;
    }

    private static void checkCoverage(java.util.Collection<Entry> entries, long dataSize, List<String> problems) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        String previous = null;
        for (Entry entry : sorted) {
            if (entry.begin() < covered) {
                problems.add(entry.name() + ": data offsets [" + entry.begin() + ", " + entry.end()
                        + "] overlap those of " + previous);
            } else if (entry.begin() > covered) {
                problems.add("bytes " + covered + " to " + entry.begin() + " of the data belong to no tensor");
            }
            covered = Math.max(covered, entry.end());
            previous = entry.name();
        }
        if (covered < dataSize) {
            problems.add("bytes " + covered + " to " + dataSize + " of the data belong to no tensor");
        }
    }

    /** The file this was read from. */
    public Path file() {
        return file;
    }

    /** The {@code __metadata__} strings, empty when the header has none. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The tensors, by name, in header order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /**
     * The values of an {@code F32} tensor, row-major.
     *
     * @throws IllegalArgumentException when there is no such tensor or it is not {@code F32}
     */
    public float[] floats(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(file.getFileName() + ": no tensor " + name + "; it has " + entries.keySet());
        }
        if (!entry.dtype().equals("F32")) {
            throw new IllegalArgumentException(file.getFileName() + ": " + name + " is " + entry.dtype() + ", not F32");
        }
        float[] values = new float[(int) entry.elementCount()];
        data.slice((int) entry.begin(), (int) (entry.end() - entry.begin()))
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(values);
        return values;
    }
}
