package dev.filtre.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.filtre.processor.Declarations.network;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import dev.filtre.processor.check.Message;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The processor as javac and build tools see it: registration, and the path to the writer. */
class NetworkProcessorTest {

    @Test
    void isRegisteredAsAService() {
        // AutoService writes META-INF/services, which `javac -processorpath` and Maven rely on.
        assertTrue(ServiceLoader.load(Processor.class).stream()
                .anyMatch(provider -> provider.type() == NetworkProcessor.class));
    }

    @Test
    void supportsNetworkAtTheLatestSourceVersion() {
        NetworkProcessor processor = new NetworkProcessor();
        assertEquals(Set.of("dev.filtre.dsl.Network"), processor.getSupportedAnnotationTypes());
        assertEquals(SourceVersion.latestSupported(), processor.getSupportedSourceVersion());
    }

    private static JavaFileObject leNet5() {
        return network("LeNet5", "@Network(input = {1, 28, 28})",
                "@Conv(filters = 6, size = 5, pad = 2) @Relu Layer conv1();",
                "@MaxPool(size = 2) Layer pool1();",
                "@Conv(filters = 16, size = 5) @Relu Layer conv2();",
                "@MaxPool(size = 2) Layer pool2();",
                "@Dense(units = 120) @Relu Layer fc1();",
                "@Dense(units = 84) @Relu Layer fc2();",
                "@Dense(units = 10) @Softmax Layer out();");
    }

    @Test
    void aValidNetworkCompilesCleanlyAndGetsItsModelUnderJavac() {
        Compilation compilation = TestCompiler.JAVAC.compiler()
                .withProcessors(new NetworkProcessor())
                .compile(leNet5());
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.LeNet5Model");
    }

    /**
     * ECJ reads each generated source back from its path on disk, which Compile Testing's
     * in-memory output ({@code /SOURCE_OUTPUT/...}) does not have: run it on real directories.
     */
    @Test
    void aValidNetworkCompilesCleanlyAndGetsItsModelUnderEcj(@TempDir Path output) throws IOException {
        EclipseCompiler ecj = new EclipseCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = Files.createDirectories(output.resolve("classes"));
        Path generated = Files.createDirectories(output.resolve("generated"));
        try (StandardJavaFileManager files = ecj.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
            JavaCompiler.CompilationTask task = ecj.getTask(
                    Writer.nullWriter(), files, diagnostics,
                    List.of("--release", "17", "-d", classes.toString(), "-s", generated.toString(),
                            "-classpath", System.getProperty("java.class.path")),
                    null,
                    files.getJavaFileObjects(Path.of(leNet5().toUri())));
            task.setProcessors(List.of(new NetworkProcessor()));
            boolean succeeded = task.call();
            assertEquals(List.of(), diagnostics.getDiagnostics().stream()
                    .map(diagnostic -> diagnostic.getKind() + ": " + diagnostic.getMessage(Locale.ROOT))
                    .toList());
            assertTrue(succeeded);
        }
        assertTrue(Files.exists(generated.resolve("test/LeNet5Model.java")));
        assertTrue(Files.exists(classes.resolve("test/LeNet5Model.class")));
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void aBugInFiltreIsAnErrorOnTheInterfaceNotACrash(TestCompiler compiler) {
        IllegalStateException bug = new IllegalStateException("broken");
        NetworkProcessor processor = new NetworkProcessor((network, type) -> {
            throw bug;
        });
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dense(units = 10) Layer out();");
        Compilation compilation = compiler.compiler().withProcessors(processor).compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Message.BUG.format("test.Net", bug, bug.getStackTrace()[0]))
                .inFile(source)
                .onLineContaining("public interface Net");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void aModelThatCannotBeWrittenIsAnError(TestCompiler compiler) {
        // The model's name is taken by a type of the same compilation: the Filer refuses it.
        JavaFileObject taken = Sources.source("test.NetModel",
                "package test;",
                "public class NetModel {}");
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dense(units = 10) Layer out();");
        Compilation compilation = compiler.compiler()
                .withProcessors(new NetworkProcessor())
                .compile(source, taken);
        assertThat(compilation).hadErrorContaining("could not write NetModel: ")
                .inFile(source)
                .onLineContaining("public interface Net");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void valuesTheCompilerCannotResolveAreLeftToTheCompiler(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {1, 28, SIZE})",
                "@Conv(filters = FILTERS) Layer conv1();",
                "@Dense(units = 10) Layer out();",
                "Missing missing();");
        Compilation compilation =
                compiler.compiler().withProcessors(new NetworkProcessor()).compile(source);
        assertThat(compilation).failed();
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            String message = error.getMessage(Locale.ROOT);
            assertFalse(message.contains("bug in Filtre"), message);
        }
        // "missing" is still reported: it has no layer annotation.
        assertThat(compilation)
                .hadErrorContaining(Message.MISSING_LAYER_ANNOTATION.format("missing"))
                .inFile(source)
                .onLineContaining("Missing missing()");
    }
}
