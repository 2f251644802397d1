package dev.filtre.processor;

import com.google.testing.compile.Compiler;
import java.io.Writer;
import java.util.function.Supplier;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * The compilers the processor must work under: javac, and Eclipse's compiler (ECJ), whose element
 * order and diagnostic positions are its own (IDEs run it).
 */
public enum TestCompiler {
    JAVAC(Compiler::javac),
    ECJ(() -> Compiler.compiler(new QuietEclipseCompiler()).withOptions("--release", "17"));

    private final Supplier<Compiler> compiler;

    TestCompiler(Supplier<Compiler> compiler) {
        this.compiler = compiler;
    }

    /** A fresh compiler of this kind, without processors. */
    public Compiler compiler() {
        return compiler.get();
    }

    /**
     * ECJ prints every problem to the console besides reporting it to the diagnostic listener
     * when given no writer, as Compile Testing does; the listener is all the tests need.
     */
    private static final class QuietEclipseCompiler extends EclipseCompiler {
        @Override
        public CompilationTask getTask(
                Writer out,
                JavaFileManager fileManager,
                DiagnosticListener<? super JavaFileObject> diagnosticListener,
                Iterable<String> options,
                Iterable<String> classes,
                Iterable<? extends JavaFileObject> compilationUnits) {
            return super.getTask(
                    out == null ? Writer.nullWriter() : out,
                    fileManager, diagnosticListener, options, classes, compilationUnits);
        }
    }
}
