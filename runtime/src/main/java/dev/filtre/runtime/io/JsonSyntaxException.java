package dev.filtre.runtime.io;

/** Text that is not valid JSON; the message ends with the character offset of the error. */
public final class JsonSyntaxException extends IllegalArgumentException {
    private final int offset;

    JsonSyntaxException(String problem, int offset) {
        super(problem + " at offset " + offset);
        this.offset = offset;
    }

    /** The offset, in characters from the start of the text, where the error was found. */
    public int offset() {
        return offset;
    }
}
