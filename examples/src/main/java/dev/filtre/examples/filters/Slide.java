package dev.filtre.examples.filters;

import dev.filtre.runtime.image.Image;
import java.util.List;

/**
 * A slide of labelled pictures in a grid, like the lecture's "Filtres classiques": a title, a
 * subtitle, and tiles read left to right, top to bottom, {@code columns} per row.
 */
record Slide(String title, String subtitle, int columns, List<Tile> tiles) {
    Slide {
        if (columns <= 0 || tiles.isEmpty()) {
            throw new IllegalArgumentException("a slide needs at least one column and one tile");
        }
        tiles = List.copyOf(tiles);
    }

    /** The number of rows of tiles. */
    int rows() {
        return (tiles.size() + columns - 1) / columns;
    }

    /**
     * One picture of a slide with its label (the lecture's name) and a caption (how it was made).
     * The image's values are shown as they are, rounded and clamped to 0..255.
     */
    record Tile(String label, String caption, Image image) {}
}
