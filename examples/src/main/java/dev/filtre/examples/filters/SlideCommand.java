package dev.filtre.examples.filters;

import dev.filtre.runtime.image.BorderMode;
import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.image.ImageFiles;
import dev.filtre.runtime.image.Normalization;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code filtre-filters slide}: renders one of the lecture's slides for any picture. */
@Command(
        name = "slide",
        mixinStandardHelpOptions = true,
        description = "Renders one of the lecture's slides for an image.",
        subcommands = {SlideCommand.Classic.class, SlideCommand.Normalisation.class})
final class SlideCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing slide: classic or normalisation");
    }

    /** What both slides take: the picture, the output, the tile size and the border. */
    static class Common {
        @Option(names = {"-i", "--in"}, required = true, paramLabel = "FILE", description = "The picture (PNG or JPEG).")
        Path input;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The slide to write (.png or .jpg).")
        Path output;

        @Option(names = "--tile", defaultValue = "256", paramLabel = "PIXELS",
                description = "Shrink the picture to fit this square before filtering (default: ${DEFAULT-VALUE}).")
        int tile;

        @Option(names = "--border", defaultValue = "extend", paramLabel = "MODE", converter = Options.BorderModeConverter.class,
                description = "Border mode (default: ${DEFAULT-VALUE}); see 'filtre-filters apply --help'.")
        BorderMode border;

        @Option(names = "--gray", description = "Turn a colour picture to grayscale first.")
        boolean gray;

        Image picture() throws java.io.IOException {
            Image image = ImageFiles.read(input);
            return Thumbnail.fit(gray ? image.toGray() : image, tile);
        }

        String source() {
            return input.getFileName().toString();
        }

        void write(Slide slide, CommandSpec spec) throws java.io.IOException {
            ImageFiles.write(SlideRenderer.render(slide), output);
            spec.commandLine().getOut().printf("%s: slide \"%s\", %d tiles%n", output, slide.title(), slide.tiles().size());
        }
    }

    /** The "Filtres classiques" slide. */
    @Command(name = "classic", mixinStandardHelpOptions = true,
            description = "The lecture's \"Filtres classiques\" slide: every classic filter on the picture, labelled.")
    static final class Classic extends Common implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            write(ClassicFiltersSlide.of(picture(), source(), border), spec);
            return 0;
        }
    }

    /** The "Normalisation" slide. */
    @Command(name = "normalisation", aliases = "normalization", mixinStandardHelpOptions = true,
            description = "The lecture's \"Normalisation\" slide: a filtered picture not normalized, min/max and by quantiles.")
    static final class Normalisation extends Common implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-k", "--kernel"}, defaultValue = "laplacian", paramLabel = "KERNEL",
                converter = Options.KernelConverter.class,
                description = "The filter to normalize: a name or a matrix (default: ${DEFAULT-VALUE}).")
        Options.KernelArgument kernel;

        @Option(names = "--low", defaultValue = "0.05", paramLabel = "Q", description = "Low quantile (default: ${DEFAULT-VALUE}).")
        double low;

        @Option(names = "--high", defaultValue = "0.95", paramLabel = "Q", description = "High quantile (default: ${DEFAULT-VALUE}).")
        double high;

        @Override
        public Integer call() throws Exception {
            Normalization.Quantiles quantiles = Normalization.quantiles(low, high);
            write(NormalisationSlide.of(picture(), source(), kernel.kernel(), kernel.text(), border, quantiles), spec);
            return 0;
        }
    }
}
