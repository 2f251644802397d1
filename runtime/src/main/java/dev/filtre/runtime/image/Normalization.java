package dev.filtre.runtime.image;

import java.util.Arrays;

/**
 * Brings a filtered image back to 0..255, the lecture's "Normalisation": a filter can give
 * negative values or values above 255.
 *
 * <ul>
 *   <li>{@link #clamp()} cuts what lies outside 0..255 and changes nothing else ("non
 *       normalisé");
 *   <li>{@link #minMax()} maps the smallest value to 0 and the largest to 255,
 *       {@code new = (old - min) / (max - min) * 255};
 *   <li>{@link #quantiles(double, double)} does the same with the {@code low} and {@code high}
 *       quantiles in place of min and max, and clips what falls outside them, so that a few
 *       outliers do not squash every other value ("on peut remplacer max et min par les 95ème
 *       et 5ème quantiles").
 * </ul>
 *
 * <p>Every channel is stretched by the same amounts (min, max and quantiles are taken over
 * the whole image), so colours keep their balance. When there is nothing to stretch (the two
 * bounds are equal), values are only clamped.
 */
public sealed interface Normalization {
    /** The normalized image, every value in 0..255. */
    Image apply(Image image);

    /** A short label, as the lecture's slide writes it: "non normalisé", "min/max", "0.05/0.95". */
    String label();

    /** Values below 0 become 0, above 255 become 255; the rest is unchanged. */
    static Normalization clamp() {
        return new Clamp();
    }

    /** The minimum goes to 0, the maximum to 255, linearly. */
    static Quantiles minMax() {
        return new Quantiles(0, 1);
    }

    /** {@link #quantiles(double, double)} with the lecture's 5% and 95%. */
    static Quantiles quantiles() {
        return new Quantiles(0.05, 0.95);
    }

    /**
     * The {@code low} quantile goes to 0 and the {@code high} quantile to 255, linearly, and
     * values beyond them are clipped. Quantiles interpolate linearly between the sorted values
     * (NumPy's default): the {@code q} quantile of {@code n} values sits at rank
     * {@code q * (n - 1)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= low < high <= 1}
     */
    static Quantiles quantiles(double low, double high) {
        return new Quantiles(low, high);
    }

    /** See {@link Normalization#clamp()}. */
    record Clamp() implements Normalization {
        @Override
        public Image apply(Image image) {
            float[] values = image.toArray();
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.max(0, Math.min(255, values[i]));
            }
            return Image.wrap(image.channels(), image.height(), image.width(), values);
        }

        @Override
        public String label() {
            return "non normalisé";
        }
    }

    /** The value a normalization maps to 0 ({@code from}) and the one it maps to 255 ({@code to}). */
    record Bounds(double from, double to) {}

    /** See {@link Normalization#quantiles(double, double)}; {@code (0, 1)} is min/max. */
    record Quantiles(double low, double high) implements Normalization {
        public Quantiles {
            if (!(low >= 0 && low < high && high <= 1)) {
                throw new IllegalArgumentException(
                        "quantiles must satisfy 0 <= low < high <= 1, got " + low + " and " + high);
            }
        }

        /** The values that go to 0 and 255: the {@code low} and {@code high} quantiles of {@code image}. */
        public Bounds bounds(Image image) {
            if (low == 0 && high == 1) {
                return new Bounds(image.min(), image.max());
            }
            float[] sorted = image.toArray();
            Arrays.sort(sorted);
            return new Bounds(quantile(sorted, low), quantile(sorted, high));
        }

        @Override
        public Image apply(Image image) {
            Bounds bounds = bounds(image);
            double from = bounds.from();
            double to = bounds.to();
            if (!(to > from)) {
                return new Clamp().apply(image);
            }
            float[] values = image.toArray();
            double scale = 255 / (to - from);
            for (int i = 0; i < values.length; i++) {
                double stretched = (values[i] - from) * scale;
                values[i] = (float) Math.max(0, Math.min(255, stretched));
            }
            return Image.wrap(image.channels(), image.height(), image.width(), values);
        }

        /** The {@code q} quantile of ascending {@code sorted}, interpolated linearly. */
        static double quantile(float[] sorted, double q) {
            double rank = q * (sorted.length - 1);
            int below = (int) Math.floor(rank);
            int above = Math.min(below + 1, sorted.length - 1);
            return sorted[below] + (rank - below) * ((double) sorted[above] - sorted[below]);
        }

        @Override
        public String label() {
            return low == 0 && high == 1 ? "min/max" : format(low) + "/" + format(high);
        }

        private static String format(double q) {
            return String.valueOf(q).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
    }
}
