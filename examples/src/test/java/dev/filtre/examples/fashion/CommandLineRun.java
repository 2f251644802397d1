package dev.filtre.examples.fashion;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;

/** What one of the demo's programs did when run with some arguments: exit code, output, errors. */
record CommandLineRun(int exitCode, String out, String err) {
    static CommandLineRun of(Function<PrintStream, Callable<Integer>> program, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CommandLine commandLine = DemoCommandLine.of(program.apply(new PrintStream(out, true, StandardCharsets.UTF_8)));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandLineRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
