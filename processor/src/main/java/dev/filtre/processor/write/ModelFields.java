package dev.filtre.processor.write;

import com.palantir.javapoet.FieldSpec;
import java.util.Optional;

/**
 * The generated class's members that every layer's code may use.
 *
 * @param parameters the flat parameter array, shared with replicas
 * @param gradients this instance's gradient accumulator, same layout
 * @param training whether dropout applies
 * @param dropoutRandom the random source of dropout masks, when the network has dropout
 */
record ModelFields(FieldSpec parameters, FieldSpec gradients, FieldSpec training,
        Optional<FieldSpec> dropoutRandom) {}
