package dev.filtre.processor.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a type annotated {@code @Network} into a {@link NetworkSpec}: what was declared and where,
 * without judging it. Values the compiler could not resolve are left out; the compiler has
 * reported them already.
 */
public final class NetworkReader {
    static final String NETWORK = "dev.filtre.dsl.Network";
    static final String LAYER = "dev.filtre.dsl.Layer";

    private final Elements elements;
    private final Types types;
    private final SourceOrder sourceOrder;
    /** {@code dev.filtre.dsl.Layer}, or null when it is not on the class path. */
    private final TypeElement layer;

    private NetworkReader(Elements elements, Types types, SourceOrder sourceOrder) {
        this.elements = elements;
        this.types = types;
        this.sourceOrder = sourceOrder;
        this.layer = elements.getTypeElement(LAYER);
    }

    /** A reader using the compiler behind {@code environment}. */
    public static NetworkReader of(ProcessingEnvironment environment) {
        return new NetworkReader(
                environment.getElementUtils(),
                environment.getTypeUtils(),
                SourceOrder.of(environment));
    }

    /** Reads {@code type}, which carries {@code @Network}. */
    public NetworkSpec read(TypeElement type) {
        AnnotationMirror network = findAnnotation(type, NETWORK)
                .orElseThrow(() -> new IllegalArgumentException(type + " has no @Network"));
        Map<String, Attribute> attributes = readAttributes(network);
        return new NetworkSpec(
                type,
                type.getKind(),
                network,
                Optional.ofNullable(attributes.get("input")),
                Optional.ofNullable(attributes.get("maxParameters")),
                elements.getPackageOf(type).getQualifiedName().toString(),
                simpleNames(type),
                type.getTypeParameters().stream().map(Object::toString).toList(),
                privateIn(type),
                inheritedAbstractMethods(type),
                readLayers(type));
    }

    private List<LayerSpec> readLayers(TypeElement type) {
        List<ExecutableElement> abstractMethods =
                ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                        .filter(method -> method.getModifiers().contains(Modifier.ABSTRACT))
                        .toList();
        return sourceOrder.sort(abstractMethods).stream().map(this::readLayer).toList();
    }

    private LayerSpec readLayer(ExecutableElement method) {
        List<AnnotationSpec> layerAnnotations = new ArrayList<>();
        List<AnnotationSpec> activations = new ArrayList<>();
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            Optional<AnnotationKind> kind = AnnotationKind.forQualifiedName(qualifiedName(mirror));
            if (kind.isEmpty()) {
                continue;
            }
            AnnotationSpec annotation = new AnnotationSpec(kind.get(), mirror, readAttributes(mirror));
            (kind.get().isActivation() ? activations : layerAnnotations).add(annotation);
        }
        TypeMirror returnType = method.getReturnType();
        return new LayerSpec(
                method,
                layerAnnotations,
                activations,
                method.getParameters().size(),
                method.getTypeParameters().size(),
                returnType.toString(),
                layer != null && types.isSameType(returnType, layer.asType()),
                returnType.getKind() == TypeKind.ERROR);
    }

    /**
     * Every attribute with a value, in the annotation type's declaration order: the written value
     * with its position, or the default without one.
     */
    private static Map<String, Attribute> readAttributes(AnnotationMirror mirror) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> written = mirror.getElementValues();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (ExecutableElement element :
                ElementFilter.methodsIn(mirror.getAnnotationType().asElement().getEnclosedElements())) {
            String name = element.getSimpleName().toString();
            AnnotationValue value = writtenValue(written, name);
            Optional<AnnotationValue> position = Optional.ofNullable(value);
            if (value == null) {
                value = element.getDefaultValue();
            }
            if (value != null && isReadable(value.getValue())) {
                attributes.put(name, new Attribute(name, value.getValue(), position));
            }
        }
        return attributes;
    }

    /** Finds the written value by name: compilers need not share executable element instances. */
    private static AnnotationValue writtenValue(
            Map<? extends ExecutableElement, ? extends AnnotationValue> written, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : written.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** An unresolved value comes back as a string such as {@code <error>}. */
    private static boolean isReadable(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof List;
    }

    private static Optional<AnnotationMirror> findAnnotation(Element element, String qualifiedName) {
        return element.getAnnotationMirrors().stream()
                .filter(mirror -> qualifiedName(mirror).equals(qualifiedName))
                .map(mirror -> (AnnotationMirror) mirror)
                .findFirst();
    }

    private static String qualifiedName(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    /** The simple names from the outermost enclosing type down to {@code type}. */
    private static List<String> simpleNames(TypeElement type) {
        List<String> names = new ArrayList<>();
        for (Element current = type;
                current instanceof TypeElement;
                current = current.getEnclosingElement()) {
            names.add(current.getSimpleName().toString());
        }
        Collections.reverse(names);
        return names;
    }

    private static Optional<String> privateIn(TypeElement type) {
        for (Element current = type;
                current instanceof TypeElement;
                current = current.getEnclosingElement()) {
            if (current.getModifiers().contains(Modifier.PRIVATE)) {
                return Optional.of(current.getSimpleName().toString());
            }
        }
        return Optional.empty();
    }

    /** Abstract methods declared by the interfaces {@code type} extends, however indirectly. */
    private List<ExecutableElement> inheritedAbstractMethods(TypeElement type) {
        List<ExecutableElement> inherited = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            Element owner = method.getEnclosingElement();
            if (!owner.equals(type)
                    && owner.getKind() == ElementKind.INTERFACE
                    && method.getModifiers().contains(Modifier.ABSTRACT)
                    && !isOverriddenIn(type, method)) {
                inherited.add(method);
            }
        }
        return inherited;
    }

    private boolean isOverriddenIn(TypeElement type, ExecutableElement inherited) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (elements.overrides(method, inherited, type)) {
                return true;
            }
        }
        return false;
    }
}
