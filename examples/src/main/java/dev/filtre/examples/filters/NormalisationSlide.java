package dev.filtre.examples.filters;

import dev.filtre.runtime.image.BorderMode;
import dev.filtre.runtime.image.Convolution;
import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.image.Kernel;
import dev.filtre.runtime.image.Normalization;
import java.util.List;
import java.util.Locale;

/**
 * The lecture's "Normalisation" slide for any picture: the starting image, then one filtered
 * image shown three ways: "Non normalisé" (clamped), "Normalisé min/max" and "Normalisé
 * 0.05/0.95" (the quantiles are configurable).
 */
final class NormalisationSlide {
    private NormalisationSlide() {}

    /** The slide for {@code image} (already at tile size) filtered by {@code kernel} with {@code border}. */
    static Slide of(Image image, String source, Kernel kernel, String kernelName, BorderMode border,
            Normalization.Quantiles quantiles) {
        Image filtered = Convolution.convolve(image, kernel, border);
        Normalization.Quantiles minMax = Normalization.minMax();
        List<Slide.Tile> tiles = List.of(
                new Slide.Tile("Image de départ", source, image),
                new Slide.Tile("Non normalisé", kernelName + ", hors de 0..255 coupé",
                        Normalization.clamp().apply(filtered)),
                new Slide.Tile("Normalisé min/max", caption("min", "max", minMax.bounds(filtered)),
                        minMax.apply(filtered)),
                new Slide.Tile("Normalisé " + quantiles.label(),
                        caption("q" + quantiles.low(), "q" + quantiles.high(), quantiles.bounds(filtered)),
                        quantiles.apply(filtered)));
        return new Slide("Normalisation", "new = (old - min) / (max - min) × 255 · noyau " + kernelName
                + " · convolution, bord " + Options.borderName(border), tiles.size(), tiles);
    }

    /** {@code "min -310 → 0, max 298 → 255"}. */
    private static String caption(String low, String high, Normalization.Bounds bounds) {
        return String.format(Locale.ROOT, "%s %.4g → 0, %s %.4g → 255", low, bounds.from(), high, bounds.to());
    }
}
