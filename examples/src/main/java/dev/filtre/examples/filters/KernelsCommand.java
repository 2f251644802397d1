package dev.filtre.examples.filters;

import dev.filtre.runtime.image.Kernel;
import dev.filtre.runtime.image.NamedKernel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code filtre-filters kernels}: the names {@code --kernel} accepts, with their matrices. */
@Command(name = "kernels", mixinStandardHelpOptions = true, description = "Lists the named kernels.")
final class KernelsCommand implements Callable<Integer> {
    private static final String ROW = "%-24s %-26s %-5s %s%n";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(ROW, "NAME", "LECTURE", "SIZE", "MATRIX (/ DIVISOR)");
        for (NamedKernel named : NamedKernel.values()) {
            Kernel kernel = named.kernel();
            out.printf(ROW, named.id(), named.label(), kernel.size(), kernel);
        }
        out.printf(ROW, "box:<size>", "Flou moyen", "NxN", "the size x size mean, e.g. box:5");
        out.printf(ROW, "gaussian:<sigma>", "Flou gaussien", "NxN",
                "normalized Gaussian, N = 2 ceil(3 sigma) + 1, e.g. gaussian:2");
        out.printf("%nmean is another name for box. A matrix works too: --kernel \"0 -1 0; -1 5 -1; 0 -1 0\".%n");
        return 0;
    }
}
