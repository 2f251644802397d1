package dev.filtre.runtime.image;

import java.util.List;

/** A kernel name that {@link NamedKernel#lookup} does not know, with the closest known ones. */
public final class UnknownKernelException extends IllegalArgumentException {
    private final String name;
    private final List<String> suggestions;

    UnknownKernelException(String name, List<String> suggestions) {
        super("unknown kernel '" + name + "'"
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
        this.name = name;
        this.suggestions = List.copyOf(suggestions);
    }

    /** The name as it was given. */
    public String name() {
        return name;
    }

    /** The closest known names, best first. */
    public List<String> suggestions() {
        return suggestions;
    }
}
