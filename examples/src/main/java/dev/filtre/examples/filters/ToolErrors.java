package dev.filtre.examples.filters;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How {@link FilterTool} reports what goes wrong: always one line on standard error, never a
 * stack trace, and an exit code that says whose mistake it was.
 */
final class ToolErrors {
    /** A file, a kernel or a setting was wrong while the command ran. */
    static final int FAILED = 1;

    /** The command line itself was wrong: unknown option, bad value, missing argument. */
    static final int USAGE = 2;

    private ToolErrors() {}

    /** Reports an exception thrown while a command ran. */
    static int reportFailure(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println(prefix(commandLine) + message(e));
        return FAILED;
    }

    /** Reports a command line that picocli could not parse or convert. */
    static int reportUsage(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println(prefix(commandLine) + oneLine(e.getMessage())
                + " (see " + commandLine.getCommandSpec().qualifiedName() + " --help)");
        return USAGE;
    }

    /** The one-line description of {@code e} that the user sees. */
    static String message(Throwable e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof IOException || e instanceof IllegalArgumentException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory; give Java more with -Xmx (JAVA_OPTS=-Xmx4g)";
        }
        return "unexpected " + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage()));
    }

    private static String prefix(CommandLine commandLine) {
        return commandLine.getCommandSpec().root().name() + ": ";
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
