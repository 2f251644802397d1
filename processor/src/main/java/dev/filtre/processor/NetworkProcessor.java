package dev.filtre.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.filtre.processor.check.CheckResult;
import dev.filtre.processor.check.Message;
import dev.filtre.processor.check.NetworkChecker;
import dev.filtre.processor.check.ReservedNames;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.spec.NetworkReader;
import dev.filtre.processor.spec.NetworkSpec;
import dev.filtre.processor.write.ModelWriter;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Checks every interface annotated {@code @dev.filtre.dsl.Network} and writes its
 * {@code <Name>Model} class: read the declaration, check it into a report, print the report, and
 * write the model only when the report holds no error (generating after an error would only add
 * noise). A failure inside Filtre is reported as an error on the interface; nothing is thrown out
 * of the compiler.
 */
@AutoService(Processor.class)
public final class NetworkProcessor extends AbstractProcessor {
    static final String NETWORK = "dev.filtre.dsl.Network";

    /** Turns a checked network into the file to write; {@link ModelWriter} but in tests. */
    interface Writer {
        JavaFile write(CheckedNetwork network, TypeElement type);
    }

    private final Writer writer;

    /** The processor javac finds through {@code META-INF/services}. */
    public NetworkProcessor() {
        this((network, type) -> new ModelWriter().write(network, type));
    }

    NetworkProcessor(Writer writer) {
        this.writer = writer;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(NETWORK);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement network = processingEnv.getElementUtils().getTypeElement(NETWORK);
        if (network == null) {
            return false;
        }
        List<TypeElement> types = ElementFilter.typesIn(round.getElementsAnnotatedWith(network))
                .stream()
                .sorted(Comparator.comparing(type -> type.getQualifiedName().toString()))
                .toList();
        for (TypeElement type : types) {
            processSafely(type);
        }
        return false;
    }

    /** Processes one network, turning a bug in Filtre into an error on the interface. */
    private void processSafely(TypeElement type) {
        try {
            processNetwork(type);
        } catch (RuntimeException bug) {
            error(Message.BUG.format(type.getQualifiedName(), bug, where(bug)), type);
        } catch (NoClassDefFoundError missing) {
            // Plain javac with a processor path lacking filtre-dsl or javapoet: a setup mistake.
            error(Message.INCOMPLETE_PROCESSOR_PATH.format(type.getQualifiedName(), missing.getMessage()), type);
        }
    }

    private void processNetwork(TypeElement type) {
        NetworkSpec spec = NetworkReader.of(processingEnv).read(type);
        NetworkChecker checker = new NetworkChecker(ReservedNames.of(processingEnv.getElementUtils()));
        CheckResult result = checker.check(spec);
        result.report().printMessagesTo(processingEnv.getMessager());
        if (result.network().isPresent()) {
            write(result.network().get(), type);
        }
    }

    private void write(CheckedNetwork network, TypeElement type) {
        JavaFile file = writer.write(network, type);
        try {
            file.writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            error(Message.COULD_NOT_WRITE.format(network.modelSimpleName(), e), type);
        }
    }

    private void error(String message, Element element) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    /** The first stack frame, where the exception was thrown. */
    private static String where(Throwable bug) {
        StackTraceElement[] trace = bug.getStackTrace();
        return trace.length == 0 ? "an unknown place" : trace[0].toString();
    }
}
