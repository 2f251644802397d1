package dev.filtre.processor.check;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, in one place: what is wrong, the values and the
 * arithmetic, and a fix. Arguments are formatted with {@link Locale#ROOT}; layer names are the
 * method names. Tests build their expectations with {@link #format(Object...)} too.
 */
public enum Message {
    // The declaring type.
    NOT_AN_INTERFACE(Diagnostic.Kind.ERROR,
            "@Network goes on an interface, but %s is %s; declare `interface %s` with one abstract"
                    + " method per layer"),
    GENERIC_NETWORK(Diagnostic.Kind.ERROR,
            "%s: a @Network interface cannot have type parameters (<%s>); remove them"),
    PRIVATE_NETWORK(Diagnostic.Kind.ERROR,
            "%s is private, so the generated %s cannot implement %s; make it package-private"
                    + " or public"),
    INHERITED_LAYER(Diagnostic.Kind.ERROR,
            "%s inherits the abstract method %s.%s(); declare every layer in the @Network"
                    + " interface itself"),
    NO_LAYERS(Diagnostic.Kind.ERROR,
            "%s declares no layers; add one abstract method per layer, e.g."
                    + " `@Dense(units = 10) @Softmax Layer out();`"),
    INPUT_RANK(Diagnostic.Kind.ERROR,
            "input %s has %d dimensions; use {channels, height, width} for images, e.g."
                    + " {1, 28, 28}, or {size} for a vector, e.g. {784}"),
    INPUT_NOT_POSITIVE(Diagnostic.Kind.ERROR,
            "input %s: %s %d is not positive; every dimension must be at least 1"),
    INPUT_TOO_LARGE(Diagnostic.Kind.ERROR,
            "input %s has %,d values, more than a Java array holds (%,d); use a smaller input"),
    MAX_PARAMETERS_INVALID(Diagnostic.Kind.ERROR,
            "maxParameters = %d is not positive; give a limit of 1 or more, or leave it out"
                    + " for no limit"),
    TOO_MANY_PARAMETERS(Diagnostic.Kind.ERROR,
            "%s has %,d parameters, more than maxParameters = %,d (%s); use fewer filters or"
                    + " units, or pool before the first @Dense"),
    TOO_MANY_PARAMETERS_FOR_AN_ARRAY(Diagnostic.Kind.ERROR,
            "%s has %,d parameters, more than a Java array holds (%,d) (%s); use fewer filters"
                    + " or units, or pool before the first @Dense"),
    BUG(Diagnostic.Kind.ERROR,
            "Filtre could not process %s because of a bug in Filtre, not in your code: %s at %s."
                    + " Please report it."),
    INCOMPLETE_PROCESSOR_PATH(Diagnostic.Kind.ERROR,
            "Filtre could not process %s: the annotation processor path lacks %s; put"
                    + " filtre-dsl and javapoet next to filtre-processor on -processorpath"),
    COULD_NOT_WRITE(Diagnostic.Kind.ERROR, "could not write %s: %s"),

    // A layer method.
    LAYER_HAS_PARAMETERS(Diagnostic.Kind.ERROR,
            "%s: a layer method takes no parameters, but this one takes %d; remove them"),
    LAYER_RETURN_TYPE(Diagnostic.Kind.ERROR,
            "%s: a layer method returns dev.filtre.dsl.Layer, not %s"),
    GENERIC_LAYER(Diagnostic.Kind.ERROR,
            "%s: a layer method cannot have type parameters; remove them"),
    RESERVED_NAME(Diagnostic.Kind.ERROR,
            "%s: the generated model already has a method %s() (from %s); rename the layer"),
    MISSING_LAYER_ANNOTATION(Diagnostic.Kind.ERROR,
            "%s is abstract but declares no layer; annotate it (@Conv, @MaxPool, @AvgPool,"
                    + " @SumPool, @Dense, @Dropout, @Flatten, or an activation such as @Relu),"
                    + " or make it a default method"),
    TWO_LAYER_ANNOTATIONS(Diagnostic.Kind.ERROR,
            "%s: @%s and @%s on one method; declare one layer per method"),
    TWO_ACTIVATIONS(Diagnostic.Kind.ERROR,
            "%s: @%s and @%s on one method; keep one, or declare the other on a method of its own"),
    ACTIVATION_NOT_FUSABLE(Diagnostic.Kind.ERROR,
            "%s: @%s cannot be applied as part of @%s; declare it on a method of its own"),

    // Hyperparameters, alone.
    NOT_POSITIVE(Diagnostic.Kind.ERROR, "%s: %s = %d is not positive; use %s = 1 or more"),
    POOL_STRIDE_NOT_POSITIVE(Diagnostic.Kind.ERROR,
            "%s: stride = %d is not positive; use stride = 1 or more, or leave it out for"
                    + " stride = size = %d"),
    NEGATIVE_PAD(Diagnostic.Kind.ERROR, "%s: pad = %d is negative; use pad = 0 or more"),
    DROPOUT_RATE(Diagnostic.Kind.ERROR,
            "%s: dropout rate %s is outside [0, 1); it is the probability of dropping each"
                    + " value, e.g. @Dropout(0.5)"),

    // Hyperparameters against the input.
    CONV_OUTPUT_NOT_WHOLE(Diagnostic.Kind.ERROR,
            "%s: output %s (%d - %d + 2*%d) / %d + 1 = %s is not whole; use %s"),
    POOL_OUTPUT_NOT_WHOLE(Diagnostic.Kind.ERROR,
            "%s: output %s (%d - %d) / %d + 1 = %s is not whole; use %s"),
    CONV_WINDOW_TOO_LARGE(Diagnostic.Kind.ERROR,
            "%s: output %s (%d - %d + 2*%d) / %d + 1 = %s is not positive: the %dx%d window is"
                    + " larger than the padded input (%d + 2*%d = %d); use %s"),
    POOL_WINDOW_TOO_LARGE(Diagnostic.Kind.ERROR,
            "%s: output %s (%d - %d) / %d + 1 = %s is not positive: the %dx%d window is larger"
                    + " than the input (%d); use %s"),
    NEEDS_VOLUME(Diagnostic.Kind.ERROR,
            "%s: @%s needs a volume (channels x height x width), but its input is the vector %s"
                    + " from %s; move it before the first @Dense or @Flatten"),
    SOFTMAX_NEEDS_VECTOR(Diagnostic.Kind.ERROR,
            "%s: softmax needs a vector, but its input is the volume %s from %s; apply it after"
                    + " a @Dense"),
    SHAPE_TOO_LARGE(Diagnostic.Kind.ERROR,
            "%s: the output %s has %,d values, more than a Java array holds (%,d); use a"
                    + " smaller input, fewer filters, or a larger stride"),

    // Legal but most likely not what the user meant.
    RELU_DOES_NOTHING(Diagnostic.Kind.WARNING,
            "%s: ReLU right after %s (%s) does nothing, since its outputs are already"
                    + " non-negative; remove it"),
    ACTIVATIONS_IN_A_ROW(Diagnostic.Kind.WARNING,
            "%s: %s right after %s (%s): two activations in a row; remove one"),
    SOFTMAX_NOT_LAST(Diagnostic.Kind.WARNING,
            "%s: softmax turns scores into class probabilities, but %s is not the last layer"
                    + " (%s follows); put softmax on the last layer"),
    DROPOUT_LAST(Diagnostic.Kind.WARNING,
            "%s: dropout as the last layer drops the network's outputs in training; move it"
                    + " before the last @Dense"),
    DROPOUT_DOES_NOTHING(Diagnostic.Kind.WARNING,
            "%s: dropout rate 0 drops nothing; remove the layer or give a rate such as 0.5"),
    WINDOW_SKIPS_INPUT(Diagnostic.Kind.WARNING,
            "%s: stride = %d is larger than size = %d, so %d of every %d rows and columns are"
                    + " never read; use stride = %d or less"),
    PAD_NOT_SMALLER_THAN_SIZE(Diagnostic.Kind.WARNING,
            "%s: pad = %d is not smaller than size = %d, so the outermost outputs read only the"
                    + " zeros of the padding; use pad = %d or less"),
    DROPOUTS_IN_A_ROW(Diagnostic.Kind.WARNING,
            "%s: dropout right after dropout (%s); one @Dropout(%s) drops as much"),
    FLATTEN_DOES_NOTHING(Diagnostic.Kind.WARNING,
            "%s: the input is already the vector %s; @Flatten does nothing, remove it");

    private final Diagnostic.Kind kind;
    private final String format;

    Message(Diagnostic.Kind kind, String format) {
        this.kind = kind;
        this.format = format;
    }

    /** Whether this message is an error or a warning. */
    public Diagnostic.Kind kind() {
        return kind;
    }

    /** The message with its arguments, as the processor reports it. */
    public String format(Object... arguments) {
        return String.format(Locale.ROOT, format, arguments);
    }
}
