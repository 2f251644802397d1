package dev.filtre.processor.check;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The names a layer method cannot take: the generated class implements both the network interface
 * and {@code dev.filtre.dsl.Model}, so a layer {@code summary()} would clash with
 * {@code Model.summary()} (and {@code hashCode()} with {@code Object}'s).
 */
public final class ReservedNames {
    private final Map<String, String> owners;

    private ReservedNames(Map<String, String> owners) {
        this.owners = Map.copyOf(owners);
    }

    /** The parameterless methods of {@code Model} and {@code Object} as the compiler sees them. */
    public static ReservedNames of(Elements elements) {
        Map<String, String> owners = new TreeMap<>();
        for (String type : new String[] {"java.lang.Object", "dev.filtre.dsl.Model"}) {
            TypeElement element = elements.getTypeElement(type);
            if (element == null) {
                continue;
            }
            for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
                if (method.getParameters().isEmpty()) {
                    owners.put(method.getSimpleName().toString(), type);
                }
            }
        }
        return new ReservedNames(owners);
    }

    /** The type that declares a parameterless method {@code name}, if one does. */
    Optional<String> ownerOf(String name) {
        return Optional.ofNullable(owners.get(name));
    }
}
