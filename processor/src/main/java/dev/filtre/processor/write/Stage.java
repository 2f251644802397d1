package dev.filtre.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import dev.filtre.processor.model.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The values between two layers, as the generated class holds them: a buffer, the buffer of their
 * gradient (both {@link BatchBuffer}s: one sample after another, as many as the largest batch so
 * far), and the constants that name their shape ({@code CONV1_CHANNELS}, {@code CONV1_HEIGHT},
 * {@code CONV1_WIDTH}, {@code CONV1_SIZE} for a volume; {@code FC1_UNITS} for a vector).
 *
 * <p>The network's input is a stage too ({@code INPUT_*}, {@code input}, {@code inputGradient}):
 * the model copies each sample in, so that the backward pass reads the sample of the last forward
 * pass even when the caller has reused its array since.
 */
final class Stage {
    static final TypeName FLOATS = ArrayTypeName.of(TypeName.FLOAT);
    static final TypeName INTS = ArrayTypeName.of(TypeName.INT);

    private final Shape shape;
    private final BatchBuffer values;
    private final BatchBuffer gradient;
    private final List<FieldSpec> constants = new ArrayList<>();
    private final FieldSpec channels;
    private final FieldSpec height;
    private final FieldSpec width;
    private final FieldSpec size;

    private Stage(
            Shape shape,
            String constantPrefix,
            String vectorSuffix,
            String what,
            String valuesName,
            String gradientName,
            Members members) {
        this.shape = shape;
        if (shape.isVolume()) {
            channels = constant(members, constantPrefix + "_CHANNELS", CodeBlock.of("$L", shape.channels()),
                    "Channels of " + what + ".");
            height = constant(members, constantPrefix + "_HEIGHT", CodeBlock.of("$L", shape.height()),
                    "Height of " + what + ".");
            width = constant(members, constantPrefix + "_WIDTH", CodeBlock.of("$L", shape.width()),
                    "Width of " + what + ".");
            size = constant(members, constantPrefix + "_SIZE",
                    CodeBlock.of("$N * $N * $N", channels, height, width),
                    "Number of values in " + what + ".");
        } else {
            channels = null;
            height = null;
            width = null;
            size = constant(members, constantPrefix + vectorSuffix, CodeBlock.of("$L", shape.size()),
                    "Number of values in " + what + ".");
        }
        values = BatchBuffer.floats(members.field(valuesName), size);
        gradient = BatchBuffer.floats(members.field(gradientName), size);
    }

    /** The network's input: {@code INPUT_CHANNELS ... INPUT_SIZE}, {@code input}, {@code inputGradient}. */
    static Stage input(Shape shape, Members members) {
        return new Stage(shape, members.constant("INPUT"), "_SIZE", "one input", "input", "inputGradient",
                members);
    }

    /** The output of the layer {@code name}, whose constants start with {@code constantPrefix}. */
    static Stage output(Shape shape, String name, String constantPrefix, Members members) {
        return new Stage(shape, constantPrefix, "_UNITS", name + "'s output", name + "Output",
                name + "Gradient", members);
    }

    private FieldSpec constant(Members members, String name, CodeBlock value, String javadoc) {
        FieldSpec field = FieldSpec.builder(TypeName.INT, members.constant(name),
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(javadoc)
                .initializer(value)
                .build();
        constants.add(field);
        return field;
    }

    Shape shape() {
        return shape;
    }

    /** The buffer holding the values of the last forward pass, {@code [batch][size()]}. */
    FieldSpec values() {
        return values.field();
    }

    /** The buffer holding dL/d values during a backward pass, {@code [batch][size()]}. */
    FieldSpec gradient() {
        return gradient.field();
    }

    /** The values and gradient buffers, which grow with the batch. */
    List<BatchBuffer> buffers() {
        return List.of(values, gradient);
    }

    /** The shape constants, in declaration order. */
    List<FieldSpec> constants() {
        return List.copyOf(constants);
    }

    FieldSpec channels() {
        requireVolume();
        return channels;
    }

    FieldSpec height() {
        requireVolume();
        return height;
    }

    FieldSpec width() {
        requireVolume();
        return width;
    }

    /** The number of values of one sample: {@code X_SIZE} or {@code X_UNITS}. */
    FieldSpec size() {
        return size;
    }

    /** {@code batch * CONV1_SIZE}: the number of values of {@code batch} samples. */
    CodeBlock sizeOf(String batch) {
        return CodeBlock.of("$N * $N", batch, size);
    }

    /** {@code new int[] {CONV1_CHANNELS, CONV1_HEIGHT, CONV1_WIDTH}} or {@code new int[] {FC1_UNITS}}. */
    CodeBlock shapeArray() {
        return shape.isVolume()
                ? CodeBlock.of("new int[] {$N, $N, $N}", channels, height, width)
                : CodeBlock.of("new int[] {$N}", size);
    }

    private void requireVolume() {
        if (!shape.isVolume()) {
            throw new IllegalStateException("not a volume: " + shape);
        }
    }
}
