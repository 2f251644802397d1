package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.CheckedNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles a network's declaring interface and the class {@link ModelWriter} writes for it with
 * javac (no processor runs: {@code -proc:none}), insists on a clean compilation under {@code
 * -Xlint:all} and {@code -Xdoclint:all,-missing} (the Javadoc, summary table included, is valid
 * HTML with valid links), and loads the classes in memory.
 */
final class ModelCompiler {
    private ModelCompiler() {}

    /** A new instance of the model class generated for {@code network}. */
    static Model compile(CheckedNetwork network) {
        return instantiate(compileClass(network));
    }

    /** A new instance of a model class {@link #compileClass} loaded. */
    static Model instantiate(Class<?> modelClass) {
        try {
            return (Model) modelClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The model class generated for {@code network}, loaded. */
    static Class<?> compileClass(CheckedNetwork network) {
        return compileClass(network, new ModelWriter());
    }

    /** The model class {@code writer} writes for {@code network}, loaded. */
    static Class<?> compileClass(CheckedNetwork network, ModelWriter writer) {
        JavaFile file = writer.write(network, null);
        String declaration = (network.packageName().isEmpty() ? "" : network.packageName() + ".")
                + network.simpleNames().get(0);
        Compilation compilation = Compiler.javac()
                .withOptions("-proc:none", "-Xlint:all", "-Xdoclint:all,-missing")
                .compile(JavaFileObjects.forSourceString(declaration, Networks.interfaceSource(network)),
                        file.toJavaFileObject());
        if (compilation.status() != Compilation.Status.SUCCESS || !compilation.warnings().isEmpty()) {
            fail("the generated model does not compile cleanly:\n"
                    + compilation.diagnostics().stream().map(Diagnostic::toString)
                            .collect(Collectors.joining("\n"))
                    + "\n" + file);
        }
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject generated : compilation.generatedFiles()) {
            if (generated.getKind() == JavaFileObject.Kind.CLASS) {
                classes.put(binaryName(generated), bytes(generated));
            }
        }
        String modelName = (network.packageName().isEmpty() ? "" : network.packageName() + ".")
                + network.modelSimpleName();
        try {
            return new InMemoryClassLoader(classes).loadClass(modelName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + modelName + " among " + classes.keySet(), e);
        }
    }

    private static String binaryName(JavaFileObject file) {
        String path = file.toUri().getPath();
        String relative = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    }

    private static byte[] bytes(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines the compiled classes; everything else (the DSL) comes from the test's class path. */
    private static final class InMemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        InMemoryClassLoader(Map<String, byte[]> classes) {
            super(ModelCompiler.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
