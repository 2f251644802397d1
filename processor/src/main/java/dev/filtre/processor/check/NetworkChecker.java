package dev.filtre.processor.check;

import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Initializer;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import dev.filtre.processor.spec.AnnotationKind;
import dev.filtre.processor.spec.AnnotationSpec;
import dev.filtre.processor.spec.LayerSpec;
import dev.filtre.processor.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;

/**
 * Checks a network as read: the declaration, then each layer in order (its method, its
 * annotations, its hyperparameters, then its shapes against the previous layer's output), then
 * warnings about neighbouring layers and the parameter budget. Every problem is reported, each on
 * the attribute or annotation that causes it; once a shape is unknown, the checks that need it are
 * skipped rather than reporting consequences. The checked network is built only when the report
 * has no error.
 */
public final class NetworkChecker {
    private static final String THE_INPUT = "the input";

    private final ReservedNames reservedNames;

    /** A checker rejecting layer names that clash with {@code reservedNames}. */
    public NetworkChecker(ReservedNames reservedNames) {
        this.reservedNames = reservedNames;
    }

    /** Checks {@code network}. */
    public CheckResult check(NetworkSpec network) {
        ValidationReport.Builder report = ValidationReport.about(network.type());
        NetworkDiagnostics diagnostics = new NetworkDiagnostics(network, report);
        if (network.kind() != ElementKind.INTERFACE) {
            diagnostics.onAnnotation(
                    Message.NOT_AN_INTERFACE, network.name(), describe(network.kind()), network.name());
            return new CheckResult(report.build(), Optional.empty());
        }
        checkType(network, diagnostics);
        Optional<Shape> input = InputCheck.shape(network, diagnostics);
        Optional<Long> limit = ParameterBudget.limit(network, diagnostics);

        List<LayerDraft> layers = new ArrayList<>();
        Optional<Input> next = input.map(shape -> new Input(shape, THE_INPUT));
        for (LayerSpec spec : network.layers()) {
            LayerDraft layer = checkLayer(spec, next);
            layers.add(layer);
            next = layer.output.map(shape -> new Input(shape, layer.name()));
        }
        SequenceCheck.warn(layers);
        ParameterBudget.check(network, limit, layers, diagnostics);
        layers.forEach(layer -> report.addSubreport(layer.diagnostics.build()));

        ValidationReport built = report.build();
        // An unknown part with a clean report means javac reported it (an unresolved value).
        boolean complete = input.isPresent() && layers.stream().allMatch(LayerDraft::isComplete);
        Optional<CheckedNetwork> checked = built.isClean() && complete
                ? Optional.of(checkedNetwork(network, input.get(), layers))
                : Optional.empty();
        return new CheckResult(built, checked);
    }

    private static void checkType(NetworkSpec network, NetworkDiagnostics diagnostics) {
        if (!network.typeParameters().isEmpty()) {
            diagnostics.onAnnotation(
                    Message.GENERIC_NETWORK, network.name(), String.join(", ", network.typeParameters()));
        }
        network.privateIn().ifPresent(name -> diagnostics.onAnnotation(
                Message.PRIVATE_NETWORK, name, network.modelSimpleName(), network.name()));
        for (ExecutableElement inherited : network.inheritedMethods()) {
            diagnostics.onAnnotation(
                    Message.INHERITED_LAYER,
                    network.name(),
                    inherited.getEnclosingElement().getSimpleName(),
                    inherited.getSimpleName());
        }
        if (network.layers().isEmpty()) {
            diagnostics.onAnnotation(Message.NO_LAYERS, network.name());
        }
    }

    private LayerDraft checkLayer(LayerSpec spec, Optional<Input> input) {
        LayerDraft layer = new LayerDraft(spec);
        layer.input = input;
        checkMethod(spec, layer.diagnostics);
        resolveAnnotations(layer);
        if (layer.declaring.isEmpty()) {
            return layer;
        }
        AnnotationSpec declaring = layer.declaring.get();
        LayerCheck check = checkFor(declaring.kind());
        layer.operation = check.operation(declaring, layer.diagnostics);
        if (layer.operation.isEmpty() || input.isEmpty()) {
            return layer;
        }
        layer.output = check.output(layer.operation.get(), declaring, input.get(), layer.diagnostics);
        if (layer.output.isPresent() && layer.fusedActivation().isPresent()) {
            boolean applies = ActivationCheck.appliesTo(
                    layer.fusedActivation().get(), layer.fused.get(),
                    new Input(layer.output.get(), layer.name()), layer.diagnostics);
            if (!applies) {
                layer.output = Optional.empty();
            }
        }
        return layer;
    }

    private void checkMethod(LayerSpec spec, LayerDiagnostics diagnostics) {
        if (spec.parameterCount() > 0) {
            diagnostics.onMethod(Message.LAYER_HAS_PARAMETERS, spec.name(), spec.parameterCount());
        }
        if (spec.typeParameterCount() > 0) {
            diagnostics.onMethod(Message.GENERIC_LAYER, spec.name());
        }
        if (!spec.returnsLayer() && !spec.returnTypeIsError()) {
            diagnostics.onMethod(Message.LAYER_RETURN_TYPE, spec.name(), spec.returnType());
        }
        if (spec.parameterCount() == 0) {
            reservedNames.ownerOf(spec.name()).ifPresent(owner ->
                    diagnostics.onMethod(Message.RESERVED_NAME, spec.name(), spec.name(), owner));
        }
    }

    /**
     * Finds the annotation that declares the layer and the activation fused into it, reporting a
     * method with none, or with two layers or two activations.
     */
    private static void resolveAnnotations(LayerDraft layer) {
        LayerSpec spec = layer.spec;
        LayerDiagnostics diagnostics = layer.diagnostics;
        List<AnnotationSpec> layerAnnotations = spec.layerAnnotations();
        List<AnnotationSpec> activations = spec.activations();
        if (layerAnnotations.isEmpty() && activations.isEmpty()) {
            diagnostics.onMethod(Message.MISSING_LAYER_ANNOTATION, spec.name());
            return;
        }
        reportSecond(Message.TWO_LAYER_ANNOTATIONS, layerAnnotations, diagnostics);
        reportSecond(Message.TWO_ACTIVATIONS, activations, diagnostics);
        if (layerAnnotations.size() > 1) {
            return; // which layer was meant is unknown
        }
        if (layerAnnotations.isEmpty()) {
            layer.declaring = Optional.of(activations.get(0));
            return;
        }
        AnnotationSpec declaring = layerAnnotations.get(0);
        layer.declaring = Optional.of(declaring);
        if (activations.size() != 1) {
            return;
        }
        if (canFuse(declaring.kind())) {
            layer.fused = Optional.of(activations.get(0));
        } else {
            diagnostics.onAnnotation(
                    Message.ACTIVATION_NOT_FUSABLE, activations.get(0), spec.name(),
                    activations.get(0).kind().simpleName(), declaring.kind().simpleName());
        }
    }

    private static void reportSecond(
            Message message, List<AnnotationSpec> annotations, LayerDiagnostics diagnostics) {
        for (int i = 1; i < annotations.size(); i++) {
            diagnostics.onAnnotation(
                    message, annotations.get(i), diagnostics.layerName(),
                    annotations.get(0).kind().simpleName(), annotations.get(i).kind().simpleName());
        }
    }

    /** Activations are applied as part of convolutions, dense and pooling layers. */
    private static boolean canFuse(AnnotationKind kind) {
        return kind == AnnotationKind.CONV || kind == AnnotationKind.DENSE || kind.isPooling();
    }

    private static LayerCheck checkFor(AnnotationKind kind) {
        return switch (kind) {
            case CONV -> new ConvCheck();
            case MAX_POOL -> new PoolCheck(PoolKind.MAX);
            case AVG_POOL -> new PoolCheck(PoolKind.AVG);
            case SUM_POOL -> new PoolCheck(PoolKind.SUM);
            case DENSE -> new DenseCheck();
            case DROPOUT -> new DropoutCheck();
            case FLATTEN -> new FlattenCheck();
            case RELU, SIGMOID, TANH, SOFTMAX -> new ActivationCheck();
        };
    }

    private static CheckedNetwork checkedNetwork(
            NetworkSpec network, Shape input, List<LayerDraft> layers) {
        List<CheckedLayer> checked = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerDraft layer = layers.get(i);
            Optional<LayerDraft> next = i + 1 < layers.size() ? Optional.of(layers.get(i + 1)) : Optional.empty();
            checked.add(new CheckedLayer(
                    layer.name(),
                    i,
                    layer.operation.get(),
                    layer.fusedActivation(),
                    layer.input.get().shape(),
                    layer.output.get(),
                    initializer(layer, next)));
        }
        return new CheckedNetwork(network.packageName(), network.simpleNames(), input, checked);
    }

    /** He for a layer followed by ReLU (fused or next), Glorot for other layers that learn. */
    static Initializer initializer(LayerDraft layer, Optional<LayerDraft> next) {
        Operation operation = layer.operation.get();
        if (!operation.hasParameters()) {
            return Initializer.NONE;
        }
        boolean followedByRelu = layer.fusedActivation().orElse(null) == Activation.RELU
                || next.map(following -> following.isStandalone(Activation.RELU)).orElse(false);
        return followedByRelu ? Initializer.HE_UNIFORM : Initializer.GLOROT_UNIFORM;
    }

    /** {@code a class}, {@code an enum}, {@code an annotation type}, {@code a record}. */
    private static String describe(ElementKind kind) {
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }
}
