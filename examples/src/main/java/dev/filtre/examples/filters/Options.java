package dev.filtre.examples.filters;

import dev.filtre.runtime.image.BorderMode;
import dev.filtre.runtime.image.Kernel;
import dev.filtre.runtime.image.NamedKernel;
import dev.filtre.runtime.image.Normalization;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads the tool's option values: kernels, border modes and normalizations. */
final class Options {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(:[^\\s;,]*)?");

    private Options() {}

    /** The names of the border modes as the tool writes them: {@code copy-adjacent}. */
    static String borderName(BorderMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A kernel as the user wrote it on the command line, and what it means. */
    record KernelArgument(String text, Kernel kernel) {}

    /**
     * {@code --kernel}: a name ({@code sharpen}, {@code gaussian:2}) or a matrix written row by
     * row ({@code "0 -1 0; -1 5 -1; 0 -1 0"}).
     */
    static final class KernelConverter implements ITypeConverter<KernelArgument> {
        @Override
        public KernelArgument convert(String text) {
            try {
                String trimmed = text.strip();
                Kernel kernel = NAME.matcher(trimmed).matches() ? NamedKernel.lookup(trimmed) : Kernel.parse(trimmed);
                return new KernelArgument(trimmed, kernel);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --border}: a {@link BorderMode} in any case, {@code -} or {@code _} between words. */
    static final class BorderModeConverter implements ITypeConverter<BorderMode> {
        @Override
        public BorderMode convert(String text) {
            String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (BorderMode mode : BorderMode.values()) {
                if (mode.name().equals(key)) {
                    return mode;
                }
            }
            throw new TypeConversionException("unknown border mode '" + text + "'; use one of "
                    + Arrays.stream(BorderMode.values()).map(Options::borderName).collect(Collectors.joining(", ")));
        }
    }

    /** The normalizations {@code --normalize} offers. */
    enum NormalizationKind {
        CLAMP, MINMAX, QUANTILES;

        Normalization with(double low, double high) {
            return switch (this) {
                case CLAMP -> Normalization.clamp();
                case MINMAX -> Normalization.minMax();
                case QUANTILES -> Normalization.quantiles(low, high);
            };
        }
    }

    /** {@code --normalize}: {@code clamp}, {@code minmax} (or {@code min-max}) or {@code quantiles}. */
    static final class NormalizationConverter implements ITypeConverter<NormalizationKind> {
        @Override
        public NormalizationKind convert(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("/", "")) {
                case "clamp", "none" -> NormalizationKind.CLAMP;
                case "minmax" -> NormalizationKind.MINMAX;
                case "quantiles", "quantile" -> NormalizationKind.QUANTILES;
                default -> throw new TypeConversionException(
                        "unknown normalization '" + text + "'; use clamp, minmax or quantiles");
            };
        }
    }
}
