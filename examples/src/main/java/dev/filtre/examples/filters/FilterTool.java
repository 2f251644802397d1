package dev.filtre.examples.filters;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code filtre-filters}: the first half of the lecture on the command line. Applies a named or
 * written kernel to a PNG or JPEG file, lists the classic kernels, and renders the lecture's
 * "Filtres classiques" and "Normalisation" slides for any picture.
 *
 * <pre>
 *   filtre-filters apply --in camera.png --out sharp.png --kernel "0 -1 0; -1 5 -1; 0 -1 0"
 *   filtre-filters kernels
 *   filtre-filters slide classic --in camera.png --out classic.png
 *   filtre-filters slide normalisation --in camera.png --out normalisation.png
 * </pre>
 *
 * <p>Mistakes (a missing or unreadable file, an unknown kernel, a malformed matrix) end with a
 * one-line message on standard error and a non-zero exit code; see {@link ToolErrors}.
 */
@Command(
        name = "filtre-filters",
        mixinStandardHelpOptions = true,
        version = "filtre-filters 0.1.0",
        description = "Image filters from the lecture: convolution kernels, border modes, normalization.",
        subcommands = {ApplyCommand.class, KernelsCommand.class, SlideCommand.class})
public final class FilterTool implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: apply, kernels or slide");
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the tool with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new FilterTool())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(ToolErrors::reportFailure)
                .setParameterExceptionHandler(ToolErrors::reportUsage);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
