package dev.filtre.runtime.image;

/**
 * The classic kernels of the lecture's "Filtres classiques" slide and of GIMP's convolution
 * matrix documentation, written as a user of GIMP or OpenCV expects them.
 *
 * <p>They are meant for {@linkplain Convolution#convolve convolution}; all but the edge
 * detectors, Sobel and emboss are {@linkplain Kernel#isSymmetric symmetric}, so correlation
 * gives the same result for them.
 */
public final class Kernels {
    private Kernels() {}

    /** {@code 0 0 0; 0 1 0; 0 0 0}: leaves every image unchanged (the lecture's "Identité"). */
    public static Kernel identity() {
        return Kernel.of(new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}});
    }

    /** The 3x3 mean, {@code 1 1 1; 1 1 1; 1 1 1 / 9} (the lecture's "Flou moyen"). */
    public static Kernel box() {
        return box(3);
    }

    /**
     * The {@code size x size} mean: every weight 1, divisor {@code size * size}.
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public static Kernel box(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("a box blur needs a positive size, got " + size);
        }
        double[][] ones = new double[size][size];
        for (double[] row : ones) {
            java.util.Arrays.fill(row, 1);
        }
        return Kernel.of(ones, (double) size * size);
    }

    /** {@code 1 2 1; 2 4 2; 1 2 1 / 16}, the lecture's "Flou gaussien", normalized. */
    public static Kernel gaussian() {
        return Kernel.of(new double[][] {{1, 2, 1}, {2, 4, 2}, {1, 2, 1}}, 16);
    }

    /**
     * The normalized Gaussian of standard deviation {@code sigma}, of size
     * {@code 2 * ceil(3 * sigma) + 1} (99.7% of the bell).
     *
     * @throws IllegalArgumentException if {@code sigma} is not positive
     */
    public static Kernel gaussian(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("a Gaussian needs a positive sigma, got " + sigma);
        }
        return gaussian(2 * (int) Math.ceil(3 * sigma) + 1, sigma);
    }

    /**
     * The normalized {@code size x size} Gaussian of standard deviation {@code sigma}: the outer
     * product of the sampled 1-D bell {@code exp(-x^2 / (2 sigma^2))}, {@code x} counted from the
     * centre, with itself, divided by its sum.
     *
     * @throws IllegalArgumentException if {@code size} is not odd and positive or {@code sigma}
     *     is not positive
     */
    public static Kernel gaussian(int size, double sigma) {
        if (size <= 0 || size % 2 == 0) {
            throw new IllegalArgumentException("a Gaussian needs an odd positive size, got " + size);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("a Gaussian needs a positive sigma, got " + sigma);
        }
        int radius = size / 2;
        double[] bell = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double x = i - radius;
            bell[i] = Math.exp(-x * x / (2 * sigma * sigma));
            sum += bell[i];
        }
        double[][] weights = new double[size][size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                weights[r][c] = bell[r] * bell[c];
            }
        }
        return Kernel.of(weights, sum * sum);
    }

    /**
     * OpenCV's Gaussian for a given size when no sigma is given
     * ({@code getGaussianKernel}: {@code sigma = 0.3 * ((size - 1) / 2 - 1) + 0.8}).
     */
    public static Kernel gaussianOfSize(int size) {
        return gaussian(size, 0.3 * ((size - 1) * 0.5 - 1) + 0.8);
    }

    /** The 4-neighbour Laplacian {@code 0 -1 0; -1 4 -1; 0 -1 0} (the lecture's "Laplacien"). */
    public static Kernel laplacian() {
        return Kernel.of(new double[][] {{0, -1, 0}, {-1, 4, -1}, {0, -1, 0}});
    }

    /**
     * The 4-neighbour Laplacian divided by its centre weight, 4: its values lie in -1..1 and the
     * filtered image in -255..255 (the kernel behind the lecture's "Laplacien normalisé").
     */
    public static Kernel laplacianNormalized() {
        return laplacian().withDivisor(4);
    }

    /** The 8-neighbour Laplacian {@code -1 -1 -1; -1 8 -1; -1 -1 -1} ("Laplacien II"). */
    public static Kernel laplacianII() {
        return Kernel.of(new double[][] {{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}});
    }

    /** The 8-neighbour Laplacian divided by its centre weight, 8 ("Laplacien II normalisé"). */
    public static Kernel laplacianIINormalized() {
        return laplacianII().withDivisor(8);
    }

    /**
     * {@code 0 -1 0; -1 5 -1; 0 -1 0}, which is {@code identity() + laplacian()} (the lecture's
     * "Sharpen" and its "Cumul de filtres").
     */
    public static Kernel sharpen() {
        return Kernel.of(new double[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}});
    }

    /**
     * The lecture's {@code [1, -1]}, one row of two columns: a horizontal difference, which
     * responds to vertical edges ("Vertical edge detection"). Convolved, it gives
     * {@code in(y, x + 1) - in(y, x)}.
     */
    public static Kernel verticalEdge() {
        return Kernel.of(new double[][] {{1, -1}});
    }

    /** {@code [1; -1]}, one column of two rows: the vertical difference, for horizontal edges. */
    public static Kernel horizontalEdge() {
        return Kernel.of(new double[][] {{1}, {-1}});
    }

    /**
     * Sobel's horizontal derivative {@code 1 0 -1; 2 0 -2; 1 0 -1} as a convolution kernel (the
     * same image as OpenCV's {@code Sobel(dx = 1)}, which correlates with the flipped kernel):
     * bright where the image gets brighter to the right.
     */
    public static Kernel sobelX() {
        return Kernel.of(new double[][] {{1, 0, -1}, {2, 0, -2}, {1, 0, -1}});
    }

    /** Sobel's vertical derivative {@code 1 2 1; 0 0 0; -1 -2 -1}, bright where it gets brighter downwards. */
    public static Kernel sobelY() {
        return Kernel.of(new double[][] {{1, 2, 1}, {0, 0, 0}, {-1, -2, -1}});
    }

    /**
     * The emboss of GIMP's documentation, {@code -2 -1 0; -1 1 1; 0 1 2}: the image seen as a
     * relief, bright where it gets darker from the top left to the bottom right.
     */
    public static Kernel emboss() {
        return Kernel.of(new double[][] {{-2, -1, 0}, {-1, 1, 1}, {0, 1, 2}});
    }
}
