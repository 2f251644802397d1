package dev.filtre.processor.spec;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One abstract method of a {@code @Network} interface as read: a layer, if it checks clean.
 *
 * @param method the method, where diagnostics about it go
 * @param layerAnnotations its layer annotations ({@code @Conv}, {@code @MaxPool}, {@code @Dense},
 *     ...) in source order; one when the declaration is right
 * @param activations its activation annotations in source order; at most one when right
 * @param parameterCount how many parameters the method declares (a layer method declares none)
 * @param typeParameterCount how many type parameters the method declares (a layer has none)
 * @param returnType the declared return type as written, e.g. {@code int}
 * @param returnsLayer true when the return type is {@code dev.filtre.dsl.Layer}
 * @param returnTypeIsError true when javac could not resolve the return type (and said so)
 */
public record LayerSpec(
        ExecutableElement method,
        List<AnnotationSpec> layerAnnotations,
        List<AnnotationSpec> activations,
        int parameterCount,
        int typeParameterCount,
        String returnType,
        boolean returnsLayer,
        boolean returnTypeIsError) {

    public LayerSpec {
        layerAnnotations = List.copyOf(layerAnnotations);
        activations = List.copyOf(activations);
    }

    /** The layer's name: the method's. */
    public String name() {
        return method.getSimpleName().toString();
    }
}
