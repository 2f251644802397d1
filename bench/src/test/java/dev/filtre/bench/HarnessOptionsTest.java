package dev.filtre.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {
    @Test
    void defaultsAreTheIssuesProtocol() {
        HarnessOptions options = HarnessOptions.parse();

        assertEquals(List.of(BenchNetwork.LENET5, BenchNetwork.FASHIONNET), options.networks());
        assertArrayEquals(new int[] {1, 2}, options.threadCounts());
        assertEquals(3, options.timing().runs());
        assertEquals(2000, options.timing().latencyCalls());
        assertEquals(Path.of("target/onnx"), options.onnxDirectory());
        assertNull(options.results());
    }

    @Test
    void optionsOverrideDefaults() {
        HarnessOptions options = HarnessOptions.parse("--nets", "fashionnet", "--threads", "2", "--work", "latency",
                "--seconds", "0.5", "--results", "out.jsonl");

        assertEquals(List.of(BenchNetwork.FASHIONNET), options.networks());
        assertArrayEquals(new int[] {2}, options.threadCounts());
        assertTrue(options.measures("latency"));
        assertEquals(500_000_000L, options.timing().windowNanos());
        assertEquals(Path.of("out.jsonl"), options.results());
    }

    @Test
    void badOptionsAreNamed() {
        assertTrue(message("--thread", "2").contains("bad argument '--thread'"));
        assertTrue(message("--thread", "2").contains("[--threads 1,2]"), "lists the options");
        assertTrue(message("--threads", "0").contains("--threads 0: not a positive whole number"));
        assertTrue(message("--work", "training").contains("--work training: not train, latency or batch256"));
        assertTrue(message("--nets", "alexnet").contains("no network 'alexnet'; the benchmark knows lenet5, fashionnet"));
        assertTrue(message("--runs").contains("bad argument '--runs'"), "a name without a value");
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> HarnessOptions.parse(args)).getMessage();
    }
}
