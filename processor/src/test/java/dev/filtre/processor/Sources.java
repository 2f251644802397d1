package dev.filtre.processor;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/**
 * Test sources as files on disk: the Eclipse compiler reads each compilation unit from its file
 * path, so Compile Testing's in-memory sources (without a {@code file:} URI) do not reach it.
 */
public final class Sources {
    private static final Path ROOT = Path.of("target", "test-declarations");

    private Sources() {}

    /** A source file for the type {@code qualifiedName}, made of {@code lines}. */
    public static JavaFileObject source(String qualifiedName, String... lines) {
        try {
            Files.createDirectories(ROOT);
            Path directory = Files.createTempDirectory(ROOT, "src");
            Path file = directory.resolve(qualifiedName.replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n");
            return JavaFileObjects.forResource(file.toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
