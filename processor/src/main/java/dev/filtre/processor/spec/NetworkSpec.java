package dev.filtre.processor.spec;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A type annotated {@code @Network} as read, before any check: what the user declared and where.
 *
 * @param type the annotated type, where diagnostics about the network go
 * @param kind what the type is; a network must be an {@link ElementKind#INTERFACE}
 * @param mirror the {@code @Network} annotation
 * @param input the {@code input} attribute; empty when javac could not read it (and said so)
 * @param maxParameters the {@code maxParameters} attribute, written or defaulted
 * @param packageName the type's package, empty for the unnamed package
 * @param simpleNames the type's simple name and those of its enclosing types, outermost first
 * @param typeParameters the type's type parameters as written, e.g. {@code [T]}
 * @param privateIn the simple name of the type itself or an enclosing type declared
 *     {@code private} (which the generated class could not implement), if any
 * @param inheritedMethods abstract methods the type inherits from other interfaces
 * @param layers the type's abstract methods in source order (default, static and private methods
 *     are not layers and are left out)
 */
public record NetworkSpec(
        TypeElement type,
        ElementKind kind,
        AnnotationMirror mirror,
        Optional<Attribute> input,
        Optional<Attribute> maxParameters,
        String packageName,
        List<String> simpleNames,
        List<String> typeParameters,
        Optional<String> privateIn,
        List<ExecutableElement> inheritedMethods,
        List<LayerSpec> layers) {

    public NetworkSpec {
        simpleNames = List.copyOf(simpleNames);
        typeParameters = List.copyOf(typeParameters);
        inheritedMethods = List.copyOf(inheritedMethods);
        layers = List.copyOf(layers);
    }

    /** The type's simple name, e.g. {@code FashionNet}. */
    public String name() {
        return simpleNames.get(simpleNames.size() - 1);
    }

    /** The name of the class the writer will generate, e.g. {@code FashionNetModel}. */
    public String modelSimpleName() {
        return String.join("_", simpleNames) + "Model";
    }
}
