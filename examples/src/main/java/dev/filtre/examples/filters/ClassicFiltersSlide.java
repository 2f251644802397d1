package dev.filtre.examples.filters;

import dev.filtre.runtime.image.BorderMode;
import dev.filtre.runtime.image.Convolution;
import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.image.Kernel;
import dev.filtre.runtime.image.NamedKernel;
import dev.filtre.runtime.image.Normalization;
import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's "Filtres classiques" slide for any picture: its eight filters in its order and
 * with its names, then the other classic kernels (horizontal edges, Sobel, emboss, a wider
 * Gaussian). Filters the slide calls "normalisé" are shown with min/max normalization, the others
 * clamped to 0..255, as the lecture shows them.
 */
final class ClassicFiltersSlide {
    /** One tile: which kernel, under which name, shown how. */
    record Entry(String label, String kernelName, Normalization normalization) {
        Kernel kernel() {
            return NamedKernel.lookup(kernelName);
        }
    }

    /** The lecture's tiles first, in the order of its last "Filtres classiques" slide. */
    static final List<Entry> ENTRIES = List.of(
            new Entry("Identité", "identity", Normalization.clamp()),
            new Entry("Flou moyen", "box", Normalization.clamp()),
            new Entry("Flou gaussien", "gaussian", Normalization.clamp()),
            new Entry("Laplacien", "laplacian", Normalization.clamp()),
            new Entry("Sharpen", "sharpen", Normalization.clamp()),
            new Entry("Vertical edge detection", "vertical-edge", Normalization.clamp()),
            new Entry("Laplacien II normalisé", "laplacian-ii-normalized", Normalization.minMax()),
            new Entry("Laplacien normalisé", "laplacian-normalized", Normalization.minMax()),
            new Entry("Horizontal edge detection", "horizontal-edge", Normalization.clamp()),
            new Entry("Sobel x", "sobel-x", Normalization.minMax()),
            new Entry("Emboss", "emboss", Normalization.minMax()),
            new Entry("Flou gaussien σ = 3", "gaussian:3", Normalization.clamp()));

    static final int COLUMNS = 4;

    private ClassicFiltersSlide() {}

    /** The slide for {@code image} (already at tile size), filtered with {@code border}. */
    static Slide of(Image image, String source, BorderMode border) {
        List<Slide.Tile> tiles = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            Image filtered = Convolution.convolve(image, entry.kernel(), border);
            tiles.add(new Slide.Tile(entry.label(), entry.kernelName() + " · " + entry.normalization().label(),
                    entry.normalization().apply(filtered)));
        }
        return new Slide("Filtres classiques", source + " · " + image.width() + "x" + image.height()
                + " · convolution, bord " + Options.borderName(border), COLUMNS, tiles);
    }
}
