package dev.filtre.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One line of the benchmark's results, printed for people and written as a JSON line in the same
 * form as {@code pytorch_peer.py}'s, which {@code table.py} puts together.
 *
 * @param impl who did the work: {@code filtre} or {@code onnxruntime-java}
 * @param network the network's id, e.g. {@code lenet5}
 * @param threads the number of threads
 * @param work {@code train}, {@code latency} or {@code batch256}
 * @param measurement the median and every run
 * @param gigaflops arithmetic throughput from counted multiply-adds; NaN for a latency
 * @param bytesPerStep heap bytes allocated per training step or inference call (all threads); -1
 *     when not measured
 */
record Result(String impl, String network, int threads, String work, Measurement measurement, double gigaflops,
        long bytesPerStep) {

    /** A line for people, aligned like {@code pytorch_peer.py}'s. */
    String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s %-10s %d thread(s) %-8s %12.1f %-8s runs %s",
                impl, network, threads, work, measurement.value(), measurement.unit(),
                Arrays.stream(measurement.runs()).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v))
                        .collect(Collectors.joining(", "))));
        if (!Double.isNaN(gigaflops)) {
            line.append(String.format(Locale.ROOT, "  %.1f GFLOP/s", gigaflops));
        }
        if (bytesPerStep >= 0) {
            line.append(String.format(Locale.ROOT, "  %d B allocated/%s", bytesPerStep,
                    work.equals("train") ? "step" : "call"));
        }
        return line.toString();
    }

    /**
     * A JSON object on one line; {@code data} says what the inputs were, {@code kernels} which
     * implementation of Filtre's kernels ran (written for Filtre's lines only).
     */
    String json(String data, String kernels) {
        StringBuilder json = new StringBuilder("{");
        json.append("\"impl\": ").append(quote(impl));
        json.append(", \"net\": ").append(quote(network));
        json.append(", \"threads\": ").append(threads);
        json.append(", \"work\": ").append(quote(work));
        json.append(", \"value\": ").append(number(measurement.value()));
        json.append(", \"unit\": ").append(quote(measurement.unit()));
        json.append(", \"runs\": [").append(Arrays.stream(measurement.runs()).mapToObj(Result::number)
                .collect(Collectors.joining(", "))).append(']');
        if (!Double.isNaN(gigaflops)) {
            json.append(", \"gflops\": ").append(number(gigaflops));
        }
        if (bytesPerStep >= 0) {
            json.append(", \"bytes_per_step\": ").append(bytesPerStep);
        }
        json.append(", \"data\": ").append(quote(data));
        if (impl.startsWith(FiltreBench.IMPL)) {
            json.append(", \"kernels\": ").append(quote(kernels));
        }
        return json.append('}').toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
