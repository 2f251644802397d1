package dev.filtre.processor.check;

import dev.filtre.processor.spec.NetworkReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Runs only the read and check steps on each {@code @Network} type, printing the report and
 * keeping each result by the type's qualified name, so tests can inspect the checked network
 * without the writer.
 */
final class CheckingProcessor extends AbstractProcessor {
    private final Map<String, CheckResult> results = new LinkedHashMap<>();

    /** The results, by qualified name, once the compilation has run. */
    Map<String, CheckResult> results() {
        return results;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.filtre.dsl.Network");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
                NetworkChecker checker = new NetworkChecker(ReservedNames.of(processingEnv.getElementUtils()));
                CheckResult result = checker.check(NetworkReader.of(processingEnv).read(type));
                result.report().printMessagesTo(processingEnv.getMessager());
                results.put(type.getQualifiedName().toString(), result);
            }
        }
        return false;
    }
}
