/**
 * Files: weights in the safetensors format ({@link dev.filtre.runtime.io.SafeTensors}, checked
 * against the model on loading), written atomically ({@link dev.filtre.runtime.io.AtomicFiles}),
 * and the small strict {@link dev.filtre.runtime.io.Json} they need.
 */
package dev.filtre.runtime.io;
