package dev.filtre.processor;

import com.google.testing.compile.Compiler;
import java.util.function.Supplier;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * The compilers the processor must work under: javac, and Eclipse's compiler (ECJ), whose element
 * order and diagnostic positions are its own (IDEs run it).
 */
public enum TestCompiler {
    JAVAC(Compiler::javac),
    ECJ(() -> Compiler.compiler(new EclipseCompiler()).withOptions("--release", "17"));

    private final Supplier<Compiler> compiler;

    TestCompiler(Supplier<Compiler> compiler) {
        this.compiler = compiler;
    }

    /** A fresh compiler of this kind, without processors. */
    public Compiler compiler() {
        return compiler.get();
    }
}
