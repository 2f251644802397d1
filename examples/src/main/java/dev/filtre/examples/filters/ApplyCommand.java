package dev.filtre.examples.filters;

import dev.filtre.runtime.image.BorderMode;
import dev.filtre.runtime.image.Convolution;
import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.image.ImageFiles;
import dev.filtre.runtime.image.Kernel;
import dev.filtre.runtime.image.Normalization;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code filtre-filters apply}: one kernel, one border mode, one normalization, one file. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = "Convolves a PNG or JPEG image with a kernel and writes the result.",
        footer = {"", "Examples:",
                "  filtre-filters apply -i camera.png -o sharp.png -k sharpen",
                "  filtre-filters apply -i camera.png -o edges.png --normalize minmax \\",
                "      -k \"0 -1 0; -1 4 -1; 0 -1 0\"",
                "  filtre-filters apply -i photo.jpg -o blur.jpg --divisor 16 \\",
                "      -k \"1 2 1; 2 4 2; 1 2 1\"",
                ""})
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--in"}, required = true, paramLabel = "FILE", description = "The image to filter (PNG or JPEG).")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Where to write the result; .png, .jpg or .jpeg.")
    Path output;

    @Option(names = {"-k", "--kernel"}, required = true, paramLabel = "KERNEL", converter = Options.KernelConverter.class,
            description = "A name (see 'filtre-filters kernels') or a matrix, rows separated by ';': \"0 -1 0; -1 5 -1; 0 -1 0\".")
    Options.KernelArgument kernel;

    @Option(names = "--divisor", paramLabel = "D",
            description = "Divide the kernel's weights by D instead of its own divisor (as GIMP's convolution matrix).")
    Double divisor;

    @Option(names = "--border", defaultValue = "extend", paramLabel = "MODE", converter = Options.BorderModeConverter.class,
            description = "keep, partial, copy-adjacent, zero, extend, wrap, mirror or crop (default: ${DEFAULT-VALUE}).")
    BorderMode border;

    @Option(names = "--normalize", defaultValue = "clamp", paramLabel = "HOW", converter = Options.NormalizationConverter.class,
            description = "clamp, minmax or quantiles: how values outside 0..255 are shown (default: ${DEFAULT-VALUE}).")
    Options.NormalizationKind normalize;

    @Option(names = "--low", defaultValue = "0.05", paramLabel = "Q", description = "Low quantile for --normalize quantiles (default: ${DEFAULT-VALUE}).")
    double low;

    @Option(names = "--high", defaultValue = "0.95", paramLabel = "Q", description = "High quantile for --normalize quantiles (default: ${DEFAULT-VALUE}).")
    double high;

    @Option(names = "--correlate", description = "Correlate instead of convolving (do not flip the kernel).")
    boolean correlate;

    @Option(names = "--gray", description = "Turn a colour image to grayscale first.")
    boolean gray;

    @Override
    public Integer call() throws Exception {
        Kernel used = divisor == null ? kernel.kernel() : kernel.kernel().withDivisor(divisor);
        Normalization normalization = normalize.with(low, high);
        Image image = ImageFiles.read(input);
        if (gray) {
            image = image.toGray();
        }
        Image filtered = correlate
                ? Convolution.correlate(image, used, border)
                : Convolution.convolve(image, used, border);
        ImageFiles.write(normalization.apply(filtered), output);
        spec.commandLine().getOut().printf("%s: %s %dx%d, %s with %s, border %s, %s%n",
                output, filtered.channels() == 1 ? "gray" : "colour", filtered.width(), filtered.height(),
                correlate ? "correlated" : "convolved", used, Options.borderName(border), normalization.label());
        return 0;
    }
}
