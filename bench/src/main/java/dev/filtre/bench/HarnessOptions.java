package dev.filtre.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's command line: {@code --name value} pairs, each with a default, named like
 * {@code pytorch_peer.py measure}'s options.
 *
 * @param networks which networks, by id
 * @param threadCounts the thread counts to measure at
 * @param work which figures: {@code train}, {@code latency}, {@code batch256}
 * @param impls who to measure: {@code filtre}, {@code onnxruntime}
 * @param timing windows, warm-up, runs and calls
 * @param seed seeds the weights, the dropout masks and random data
 * @param onnxDirectory where {@code pytorch_peer.py export} wrote its files
 * @param results a file to append JSON lines to, or null
 */
record HarnessOptions(List<BenchNetwork> networks, int[] threadCounts, List<String> work, List<String> impls,
        Timing timing, long seed, Path onnxDirectory, Path results) {

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("nets", "lenet5,fashionnet");
        defaults.put("threads", "1,2");
        defaults.put("work", "train,latency,batch256");
        defaults.put("impls", "filtre,onnxruntime");
        defaults.put("seconds", "2");
        defaults.put("warmup-seconds", "5");
        defaults.put("runs", "3");
        defaults.put("latency-calls", "2000");
        defaults.put("latency-max-seconds", "6");
        defaults.put("seed", "42");
        defaults.put("onnx-dir", "target/onnx");
        defaults.put("results", "");
        return defaults;
    }

    /** Reads {@code --name value} pairs; unknown names and missing values are errors that list the options. */
    static HarnessOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !DEFAULTS.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad argument '" + args[i] + "'; usage: Harness "
                        + DEFAULTS.entrySet().stream().map(e -> "[--" + e.getKey() + " " + e.getValue() + "]")
                                .reduce((a, b) -> a + " " + b).orElse(""));
            }
            values.put(name, args[i + 1]);
        }
        List<String> work = list(values.get("work"));
        for (String kind : work) {
            if (!List.of("train", "latency", "batch256").contains(kind)) {
                throw new IllegalArgumentException("--work " + kind + ": not train, latency or batch256");
            }
        }
        List<String> impls = list(values.get("impls"));
        for (String impl : impls) {
            if (!List.of("filtre", "onnxruntime").contains(impl)) {
                throw new IllegalArgumentException("--impls " + impl + ": not filtre or onnxruntime");
            }
        }
        return new HarnessOptions(
                list(values.get("nets")).stream().map(BenchNetwork::byId).toList(),
                list(values.get("threads")).stream().mapToInt(t -> positive("threads", t)).toArray(),
                work,
                impls,
                new Timing(Double.parseDouble(values.get("seconds")), Double.parseDouble(values.get("warmup-seconds")),
                        positive("runs", values.get("runs")), positive("latency-calls", values.get("latency-calls")),
                        Double.parseDouble(values.get("latency-max-seconds"))),
                Long.parseLong(values.get("seed")),
                Path.of(values.get("onnx-dir")),
                values.get("results").isEmpty() ? null : Path.of(values.get("results")));
    }

    boolean measures(String kind) {
        return work.contains(kind);
    }

    boolean runs(String impl) {
        return impls.contains(impl);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + option + " " + value + ": not a positive whole number");
    }
}
