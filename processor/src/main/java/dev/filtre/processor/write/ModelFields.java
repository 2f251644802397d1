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
 * @param dropoutSeeds the seeds of the batch's samples' masks ({@code long[]}, null to continue the
 *     sequence), when the network has dropout
 * @param inputGradientWanted whether the backward pass computes dL/d network input, which only the
 *     first layer's code reads: the per-sample backward pass does, the batch one does not
 */
record ModelFields(FieldSpec parameters, FieldSpec gradients, FieldSpec training,
        Optional<FieldSpec> dropoutRandom, Optional<FieldSpec> dropoutSeeds, FieldSpec inputGradientWanted) {}
