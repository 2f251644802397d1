package dev.filtre.examples.fashion;

import dev.filtre.runtime.data.DataSetNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * The command line of the demo's programs: enum options in any case, and expected failures (no
 * data set, a missing or bad file, bad settings, training that diverges) reported in one line
 * instead of a stack trace.
 */
final class DemoCommandLine {
    /** The exit code when the data set is not installed. */
    static final int NO_DATA_SET = 3;

    /** The exit code of other expected failures. */
    static final int FAILED = 1;

    private DemoCommandLine() {}

    static CommandLine of(Callable<Integer> command) {
        return new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(DemoCommandLine::report);
    }

    private static int report(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        String name = commandLine.getCommandName();
        if (e instanceof DataSetNotFoundException) {
            commandLine.getErr().println(name + ": " + e.getMessage());
            return NO_DATA_SET;
        }
        if (e instanceof NoSuchFileException missing) {
            commandLine.getErr().println(name + ": " + (missing.getReason() == null
                    ? "no such file: " + missing.getFile()
                    : missing.getFile() + ": " + missing.getReason()));
            return FAILED;
        }
        if (e instanceof IOException || e instanceof IllegalArgumentException || e instanceof ArithmeticException) {
            commandLine.getErr().println(name + ": " + e.getMessage());
            return FAILED;
        }
        throw e;
    }
}
