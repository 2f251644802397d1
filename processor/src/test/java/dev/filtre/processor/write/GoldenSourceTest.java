package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The one golden file: the class written for the lecture's cs231n network, to show (and review in
 * diffs) what users read. Numbers are checked elsewhere; when the writer changes on purpose, the
 * failing run leaves the new source in {@code target/golden/} to copy over the resource.
 */
class GoldenSourceTest {
    static CheckedNetwork cs231n() {
        return Networks.network("Cs231nNet", Shape.volume(3, 5, 5))
                .layer("conv1", new Operation.Conv(2, 3, 2, 1, false), Activation.RELU)
                .layer("out", new Operation.Dense(3), Activation.SOFTMAX)
                .build();
    }

    @Test
    void cs231nModelSourceIsTheGoldenOne() throws IOException {
        String actual = new ModelWriter().write(cs231n(), null).toString();
        String expected;
        try (InputStream golden = GoldenSourceTest.class.getResourceAsStream("Cs231nNetModel.java.txt")) {
            expected = golden == null ? "" : new String(golden.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            Path written = Path.of("target/golden/Cs231nNetModel.java.txt");
            Files.createDirectories(written.getParent());
            Files.writeString(written, actual, StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, "the generated source changed; the new one is in target/golden/");
    }
}
