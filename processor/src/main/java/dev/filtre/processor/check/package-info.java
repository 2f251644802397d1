/**
 * The second step of the processor: checking a {@link dev.filtre.processor.spec.NetworkSpec}
 * into a {@link dev.filtre.processor.check.ValidationReport} (one sub-report per layer) and, when
 * the report holds no error, a {@link dev.filtre.processor.model.CheckedNetwork} for the writer.
 * Every message is a {@link dev.filtre.processor.check.Message}.
 */
package dev.filtre.processor.check;
