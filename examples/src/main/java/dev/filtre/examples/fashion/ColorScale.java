package dev.filtre.examples.fashion;

import java.awt.Color;

/**
 * A sequential colour scale from near-white (0) to dark blue (1), the "Blues" scale of ColorBrewer
 * that matplotlib uses for confusion matrices: darker means more.
 */
final class ColorScale {
    /** ColorBrewer's nine-class "Blues", light to dark. */
    private static final int[] ANCHORS = {
        0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b,
    };

    /** Above this fraction of the scale, text drawn on the colour must be white to stay legible. */
    static final double DARK_FROM = 0.5;

    private ColorScale() {}

    /** The colour of {@code fraction}, clamped to [0, 1] (NaN counts as 0). */
    static Color colorOf(double fraction) {
        double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        double position = clamped * (ANCHORS.length - 1);
        int low = Math.min((int) position, ANCHORS.length - 2);
        double t = position - low;
        return new Color(
                mix(ANCHORS[low] >> 16, ANCHORS[low + 1] >> 16, t),
                mix(ANCHORS[low] >> 8, ANCHORS[low + 1] >> 8, t),
                mix(ANCHORS[low], ANCHORS[low + 1], t));
    }

    /** Black or white, whichever reads better on {@link #colorOf(double)} of {@code fraction}. */
    static Color textOn(double fraction) {
        return fraction > DARK_FROM ? Color.WHITE : Color.BLACK;
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round((from & 0xff) + t * ((to & 0xff) - (from & 0xff)));
    }
}
