package dev.filtre.runtime.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A weight file that cannot be read, or that does not fit the model it is loaded into. The message
 * names the file and lists every problem found, one per line, so that one attempt shows all that
 * differs (missing and unexpected tensors, wrong shapes, wrong data types, bad offsets).
 */
public final class WeightFileException extends IOException {
    private final Path file;
    private final List<String> problems;

    WeightFileException(Path file, String summary, List<String> problems) {
        super(format(file, summary, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    WeightFileException(Path file, String problem) {
        this(file, null, List.of(problem));
    }

    private static String format(Path file, String summary, List<String> problems) {
        StringBuilder message = new StringBuilder().append(file.getFileName()).append(": ");
        if (summary == null && problems.size() == 1) {
            return message.append(problems.get(0)).toString();
        }
        message.append(summary == null ? "invalid weight file" : summary).append(':');
        for (String problem : problems) {
            message.append("\n  - ").append(problem);
        }
        return message.toString();
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }

    /** Each problem, as listed in the message. */
    public List<String> problems() {
        return problems;
    }
}
