package dev.filtre.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Modifier;

/**
 * A buffer of the generated class that holds one region per sample of a batch, {@code
 * [capacity][perSample]}: a stage's values and gradient, the logits, max-pooling's argmax,
 * dropout's mask. It starts with room for one sample; the generated {@code ensureCapacity(batch)}
 * replaces every such buffer by a larger one when a batch larger than any before arrives, so a
 * training loop allocates on its first step only.
 *
 * @param field the field, not final since it grows
 * @param element {@code float} or {@code int}
 * @param perSample the constant counting one sample's values, e.g. {@code CONV1_SIZE}
 */
record BatchBuffer(FieldSpec field, TypeName element, FieldSpec perSample) {
    /** {@code private float[] name = new float[perSample];}. */
    static BatchBuffer floats(String name, FieldSpec perSample) {
        return of(TypeName.FLOAT, name, perSample);
    }

    /** {@code private int[] name = new int[perSample];}. */
    static BatchBuffer ints(String name, FieldSpec perSample) {
        return of(TypeName.INT, name, perSample);
    }

    private static BatchBuffer of(TypeName element, String name, FieldSpec perSample) {
        FieldSpec field = FieldSpec.builder(ArrayTypeName.of(element), name, Modifier.PRIVATE)
                .initializer("new $T[$N]", element, perSample)
                .build();
        return new BatchBuffer(field, element, perSample);
    }

    /** {@code name = new float[capacity * perSample]}. */
    CodeBlock grow(String capacity) {
        return CodeBlock.of("$N = new $T[$N * $N]", field, element, capacity, perSample);
    }
}
