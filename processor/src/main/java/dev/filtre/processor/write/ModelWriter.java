package dev.filtre.processor.write;

import com.palantir.javapoet.JavaFile;
import dev.filtre.processor.model.CheckedNetwork;
import javax.lang.model.element.Element;

/**
 * Writes the {@code <Name>Model} class of a checked network. Never reports diagnostics: it only
 * sees networks that checked clean.
 */
public final class ModelWriter {
    /** Placeholder until the writer lands: returns the file to write for {@code network}. */
    public JavaFile write(CheckedNetwork network, Element originatingElement) {
        throw new UnsupportedOperationException("ModelWriter not written yet");
    }
}
