package dev.filtre.runtime.image;

/**
 * What a filter does where the kernel sticks out of the image.
 *
 * <p>The lecture ("Et les bords ?") offers three answers: keep the original values
 * ({@link #KEEP}, its worked example), apply a special filter ({@link #PARTIAL}) and copy the
 * computed values onto the adjacent pixels ({@link #COPY_ADJACENT}). GIMP's convolution matrix
 * and OpenCV's {@code filter2D} pad the image instead: {@link #ZERO}, {@link #EXTEND},
 * {@link #WRAP}, {@link #MIRROR}; {@link #CROP} returns only the pixels where the kernel fits.
 *
 * <p>Every mode but {@link #CROP} returns an image of the input's size. For a 4-pixel row
 * {@code a b c d}, the padding modes read outside it as:
 *
 * <pre>
 *   ZERO     0 0 | a b c d | 0 0
 *   EXTEND   a a | a b c d | d d
 *   WRAP     c d | a b c d | a b
 *   MIRROR   c b | a b c d | c b
 * </pre>
 */
public enum BorderMode {
    /**
     * Pixels where the kernel does not fit keep their input value ("ne rien faire, garder les
     * valeurs initiales"). A kernel larger than the image leaves it unchanged.
     */
    KEEP,
    /**
     * Pixels where the kernel does not fit use only the part of the kernel inside the image,
     * renormalized ("appliquer un filtre spécial"): the inside weights are scaled so that they
     * add up to the whole kernel's sum, as a blur near the border averages only the pixels it
     * has. When that cannot be done by scaling (the kernel or its inside part sums to 0, as for
     * the Laplacian and the edge detectors), the inside non-zero weights are all shifted by the
     * same amount instead, so a flat region still gives the flat response (0 for a derivative).
     * Cells of weight 0 are not part of the kernel's footprint and stay 0.
     */
    PARTIAL,
    /**
     * Pixels where the kernel does not fit take the value computed at the nearest pixel where
     * it fits ("copier les valeurs obtenues sur les pixels adjacents"): the cropped result
     * extended to the input's size. Needs the kernel to fit somewhere in the image.
     */
    COPY_ADJACENT,
    /** Outside pixels are 0 (OpenCV's {@code BORDER_CONSTANT} with 0). */
    ZERO,
    /**
     * Outside pixels copy the nearest pixel of the image (GIMP's "Extend", OpenCV's
     * {@code BORDER_REPLICATE}).
     */
    EXTEND,
    /**
     * The image repeats: the pixel past the right edge is the first of the row (GIMP's "Wrap",
     * OpenCV's {@code BORDER_WRAP}).
     */
    WRAP,
    /**
     * The image is reflected about its edge pixels, which are not repeated (OpenCV's default,
     * {@code BORDER_REFLECT_101}, scipy's {@code mirror}).
     */
    MIRROR,
    /**
     * Only the pixels where the kernel fits: an {@code R x C} kernel turns an {@code H x W}
     * image into {@code (H - R + 1) x (W - C + 1)} (the lecture's interior table; GIMP's
     * "Crop"). Needs the kernel to fit in the image.
     */
    CROP;

    /**
     * For a padding mode, the index inside {@code 0..length-1} that the outside index
     * {@code index} reads, or -1 for a zero.
     */
    int source(int index, int length) {
        if (index >= 0 && index < length) {
            return index;
        }
        return switch (this) {
            case ZERO -> -1;
            case EXTEND -> index < 0 ? 0 : length - 1;
            case WRAP -> Math.floorMod(index, length);
            case MIRROR -> {
                if (length == 1) {
                    yield 0;
                }
                int period = 2 * (length - 1);
                int folded = Math.floorMod(index, period);
                yield folded < length ? folded : period - folded;
            }
            default -> throw new IllegalStateException(this + " does not pad");
        };
    }
}
