package dev.filtre.runtime.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file that is not what it should be; the message names the file, what is wrong and where. */
public final class IdxFormatException extends IOException {
    private final Path file;

    IdxFormatException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    IdxFormatException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
