package dev.filtre.examples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's command line, on synthetic IDX files laid out like Debian's Fashion-MNIST. */
class FashionMnistTest {
    @TempDir Path directory;

    @Test
    void trainsFromTheIdxFilesOfADirectoryAndWritesWhereItIsTold() throws IOException {
        Path data = directory.resolve("fashion-mnist");
        SyntheticGarments.writeIdx(data, SyntheticGarments.of(300, 1), SyntheticGarments.of(60, 2));
        Path output = directory.resolve("out");

        CommandLineRun run = CommandLineRun.of(FashionMnist::new, "--data", data.toString(), "--model", "perceptron",
                "--epochs", "1", "--batch-size", "16", "--threads", "1", "--validation", "0.2", "--output",
                output.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("240 training images, 60 held out for validation, 60 test images"), run.out());
        assertTrue(run.out().matches("(?s).*\ntest accuracy: [01]\\.\\d{4}\n.*"), run.out());
        assertTrue(Files.isRegularFile(output.resolve("perceptron.safetensors")));
        assertTrue(Files.isRegularFile(output.resolve("perceptron-confusion.png")));
    }

    @Test
    void aMissingDataSetSaysHowToInstallIt() {
        CommandLineRun run = CommandLineRun.of(FashionMnist::new, "--data", directory.resolve("nothing").toString());

        assertEquals(DemoCommandLine.NO_DATA_SET, run.exitCode());
        assertTrue(run.err().startsWith("fashion-mnist: Fashion-MNIST not found"), run.err());
        assertTrue(run.err().contains("sudo apt-get install dataset-fashion-mnist"), run.err());
    }

    @Test
    void badSettingsAreReportedInOneLine() throws IOException {
        Path data = directory.resolve("fashion-mnist");
        SyntheticGarments.writeIdx(data, SyntheticGarments.of(20, 1), SyntheticGarments.of(10, 2));

        CommandLineRun limit = CommandLineRun.of(FashionMnist::new, "--data", data.toString(), "--train-limit", "0");
        assertEquals(2, limit.exitCode());
        assertTrue(limit.err().startsWith("--train-limit must be positive, was 0"), limit.err());

        CommandLineRun validation = CommandLineRun.of(FashionMnist::new, "--data", data.toString(), "--validation", "1.5");
        assertEquals(DemoCommandLine.FAILED, validation.exitCode());
        assertEquals("fashion-mnist: validation fraction 1.5 is not in (0, 1)", validation.err().strip());

        CommandLineRun model = CommandLineRun.of(FashionMnist::new, "--model", "lenet");
        assertEquals(2, model.exitCode());
        assertTrue(model.err().contains("Invalid value for option '--model'"), model.err());
    }
}
