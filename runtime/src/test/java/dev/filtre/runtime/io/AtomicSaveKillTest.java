package dev.filtre.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.filtre.runtime.train.TestMlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while saving weights leaves the previous file intact: a child JVM saves 256 MiB
 * over a good file and is killed ({@code destroyForcibly}, SIGKILL) as soon as its temporary file
 * holds data.
 */
class AtomicSaveKillTest {
    private static final int TENSORS = 64;
    private static final int FLOATS_PER_TENSOR = 1 << 20;

    @TempDir
    Path directory;

    @Test
    void killingTheWriterMidWriteLeavesTheOldFileIntact() throws Exception {
        Path file = directory.resolve("weights.safetensors");
        TestMlp model = new TestMlp(4, 5, 3, TestMlp.Activation.TANH, 0, true);
        model.initialize(1);
        SafeTensors.save(model, file);
        byte[] before = Files.readAllBytes(file);

        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SlowSave.class.getName(), file.toString(), Integer.toString(TENSORS), Integer.toString(FLOATS_PER_TENSOR))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("child.log").toFile())
                .start();
        try {
            Path temporary = awaitTemporaryFileWithData(child);
            assertTrue(child.isAlive(), "the child must still be writing when it is killed");
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            assertTrue(Files.size(temporary) < 8L * TENSORS * FLOATS_PER_TENSOR, "killed mid-write");
        } finally {
            child.destroyForcibly();
        }

        assertArrayEquals(before, Files.readAllBytes(file), "the old file is unchanged");
        TestMlp loaded = new TestMlp(4, 5, 3, TestMlp.Activation.TANH, 0, true);
        SafeTensors.load(loaded, file);
        assertArrayEquals(model.parameters(), loaded.parameters());
    }

    private Path awaitTemporaryFileWithData(Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<Path> temporary = temporaryFile();
            if (temporary.isPresent() && Files.size(temporary.get()) > 0) {
                return temporary.get();
            }
            if (!child.isAlive()) {
                fail("the child ended (exit " + child.exitValue() + ") before it could be killed mid-write: "
                        + Files.readString(directory.resolve("child.log")));
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the child never started writing: " + Files.readString(directory.resolve("child.log")));
    }

    private Optional<Path> temporaryFile() throws Exception {
        try (var files = Files.list(directory)) {
            List<Path> temporaries = files
                    .filter(p -> p.getFileName().toString().startsWith(".weights.safetensors.")
                            && p.getFileName().toString().endsWith(".tmp"))
                    .toList();
            return temporaries.stream().findFirst();
        }
    }
}
