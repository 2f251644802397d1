package dev.filtre.runtime.image;

import java.util.Arrays;
import java.util.Optional;

/**
 * An immutable convolution kernel: a rectangular matrix of weights of any size (even sizes
 * too, like the lecture's edge detector {@code [1, -1]}), a divisor, and an anchor.
 *
 * <p><b>Divisor.</b> As in GIMP's convolution matrix, each weighted sum is divided by the
 * divisor: the kernel filters with {@link #value value(r, c) = weight(r, c) / divisor}. The
 * Gaussian {@code 1 2 1 / 2 4 2 / 1 2 1} with divisor 16 is normalized.
 *
 * <p><b>Anchor.</b> The anchor is the kernel cell that lies over the output pixel when the
 * kernel is applied by {@linkplain Convolution#correlate correlation}. By default it is
 * OpenCV's (the default anchor {@code (-1, -1)} of {@code filter2D}): row {@code rows / 2},
 * column {@code columns / 2}, integer division, which is the centre for odd sizes and the cell
 * just after the middle for even ones ({@code [1, -1]} is anchored on the {@code -1}).
 * Correlation then computes
 *
 * <pre>  out(y, x) = sum over (i, j) of value(i, j) * in(y + i - anchorRow, x + j - anchorColumn)</pre>
 *
 * and true {@linkplain Convolution#convolve convolution} is correlation with the
 * {@linkplain #flipped() flipped} kernel, whose anchor is flipped too (OpenCV's recipe:
 * {@code (columns - 1 - anchorColumn, rows - 1 - anchorRow)}, i.e. {@code (k - 1) / 2} for the
 * default anchor):
 *
 * <pre>  out(y, x) = sum over (i, j) of value(i, j) * in(y - (i - anchorRow), x - (j - anchorColumn))</pre>
 *
 * <p>So with {@code [1, -1]}, convolution gives the forward difference
 * {@code in(y, x + 1) - in(y, x)}: positive where the image gets brighter to the right.
 *
 * <p>Two kernels are {@linkplain #equals equal} when they have the same size and anchor and
 * filter with the same values ({@code weight / divisor}), whatever the split between weights
 * and divisor.
 */
public final class Kernel {
    private final int rows;
    private final int columns;
    private final double[] weights;
    private final double divisor;
    private final int anchorRow;
    private final int anchorColumn;

    private Kernel(
            int rows, int columns, double[] weights, double divisor, int anchorRow, int anchorColumn) {
        this.rows = rows;
        this.columns = columns;
        this.weights = weights;
        this.divisor = divisor;
        this.anchorRow = anchorRow;
        this.anchorColumn = anchorColumn;
    }

    /** A kernel with the given rows of weights, divisor 1 and the default anchor. */
    public static Kernel of(double[][] weights) {
        return of(weights, 1);
    }

    /**
     * A kernel with the given rows of weights and divisor, anchored by default (see the class
     * documentation).
     *
     * @throws IllegalArgumentException if there are no weights, the rows differ in length, a
     *     weight is not finite, or the divisor is zero or not finite (the message says which
     *     row and column)
     */
    public static Kernel of(double[][] weights, double divisor) {
        if (weights.length == 0 || weights[0].length == 0) {
            throw new IllegalArgumentException("a kernel needs at least one row and one column");
        }
        int rows = weights.length;
        int columns = weights[0].length;
        double[] flat = new double[rows * columns];
        for (int r = 0; r < rows; r++) {
            if (weights[r].length != columns) {
                throw new IllegalArgumentException(
                        "kernel row " + (r + 1) + " has " + weights[r].length + " values but row 1 has "
                                + columns + ": a kernel is rectangular");
            }
            for (int c = 0; c < columns; c++) {
                if (!Double.isFinite(weights[r][c])) {
                    throw new IllegalArgumentException(
                            "kernel row " + (r + 1) + ", column " + (c + 1) + ": " + weights[r][c]
                                    + " is not a finite number");
                }
                flat[r * columns + c] = weights[r][c];
            }
        }
        checkDivisor(divisor);
        return new Kernel(rows, columns, flat, divisor, rows / 2, columns / 2);
    }

    /**
     * Parses a kernel written row by row, rows separated by {@code ;} or line breaks, values by
     * spaces or commas, e.g. {@code "0 -1 0; -1 5 -1; 0 -1 0"}; a value may be a fraction such as
     * {@code 1/9}.
     *
     * @throws IllegalArgumentException naming the row and column of what cannot be read
     */
    public static Kernel parse(String text) {
        return KernelSyntax.parse(text);
    }

    private static void checkDivisor(double divisor) {
        if (divisor == 0 || !Double.isFinite(divisor)) {
            throw new IllegalArgumentException(
                    "a kernel's divisor must be a finite non-zero number, got " + divisor);
        }
    }

    /** This kernel with another divisor (the weights are unchanged). */
    public Kernel withDivisor(double newDivisor) {
        checkDivisor(newDivisor);
        return new Kernel(rows, columns, weights, newDivisor, anchorRow, anchorColumn);
    }

    /**
     * This kernel anchored on another cell (0-based row and column).
     *
     * @throws IllegalArgumentException if the cell is outside the kernel
     */
    public Kernel withAnchor(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IllegalArgumentException(
                    "anchor (" + row + ", " + column + ") is outside the " + size() + " kernel");
        }
        return new Kernel(rows, columns, weights, divisor, row, column);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** {@code "RxC"}, for messages. */
    public String size() {
        return rows + "x" + columns;
    }

    public double divisor() {
        return divisor;
    }

    public int anchorRow() {
        return anchorRow;
    }

    public int anchorColumn() {
        return anchorColumn;
    }

    /** The weight at ({@code row}, {@code column}), before division. */
    public double weight(int row, int column) {
        checkCell(row, column);
        return weights[row * columns + column];
    }

    /** The value the kernel filters with at ({@code row}, {@code column}): weight / divisor. */
    public double value(int row, int column) {
        return weight(row, column) / divisor;
    }

    private void checkCell(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException(
                    "(" + row + ", " + column + ") is outside the " + size() + " kernel");
        }
    }

    /** Every value (weight / divisor), row by row. */
    public double[] values() {
        double[] values = new double[weights.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = weights[i] / divisor + 0.0; // + 0.0 turns -0.0 into 0.0, for equals
        }
        return values;
    }

    /** The sum of the values: 1 for a blur, 0 for an edge detector or a Laplacian. */
    public double sum() {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        return sum / divisor;
    }

    /**
     * The kernel whose values are this one's plus {@code other}'s, cell by cell, the two
     * anchors put on top of each other (the lecture's "Cumul de filtres": sharpen = identity +
     * Laplacian). Kernels of different sizes are padded with zeros to cover both; the result is
     * anchored where the two anchors meet.
     */
    public Kernel plus(Kernel other) {
        return combine(other, 1);
    }

    /** The kernel whose values are this one's minus {@code other}'s; see {@link #plus}. */
    public Kernel minus(Kernel other) {
        return combine(other, -1);
    }

    private Kernel combine(Kernel other, double sign) {
        int above = Math.max(anchorRow, other.anchorRow);
        int below = Math.max(rows - 1 - anchorRow, other.rows - 1 - other.anchorRow);
        int left = Math.max(anchorColumn, other.anchorColumn);
        int right = Math.max(columns - 1 - anchorColumn, other.columns - 1 - other.anchorColumn);
        int newRows = above + below + 1;
        int newColumns = left + right + 1;
        boolean sameDivisor = divisor == other.divisor;
        double[] sum = new double[newRows * newColumns];
        addInto(sum, newColumns, above, left, sameDivisor ? 1 : 1 / divisor);
        other.addInto(sum, newColumns, above, left, sign * (sameDivisor ? 1 : 1 / other.divisor));
        return new Kernel(newRows, newColumns, sum, sameDivisor ? divisor : 1, above, left);
    }

    private void addInto(double[] target, int targetColumns, int above, int left, double factor) {
        int top = above - anchorRow;
        int start = left - anchorColumn;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                target[(top + r) * targetColumns + start + c] += factor * weights[r * columns + c];
            }
        }
    }

    /** This kernel with every value multiplied by {@code factor} (the divisor is kept). */
    public Kernel times(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("cannot multiply a kernel by " + factor);
        }
        double[] scaled = new double[weights.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = factor * weights[i];
        }
        return new Kernel(rows, columns, scaled, divisor, anchorRow, anchorColumn);
    }

    /**
     * This kernel turned by 180 degrees (the lecture's "retournée"), anchor included:
     * correlating with the flipped kernel is convolving with this one.
     */
    public Kernel flipped() {
        double[] turned = new double[weights.length];
        for (int i = 0; i < turned.length; i++) {
            turned[i] = weights[weights.length - 1 - i];
        }
        return new Kernel(
                rows, columns, turned, divisor, rows - 1 - anchorRow, columns - 1 - anchorColumn);
    }

    /**
     * Whether this kernel equals its {@linkplain #flipped() flipped} self, so that convolution
     * and correlation give the same image ("ce qui nous simplifie la vie", says the lecture).
     * That needs values symmetric about the anchor, hence odd sizes anchored at the centre.
     */
    public boolean isSymmetric() {
        return equals(flipped());
    }

    /**
     * This kernel as a column times a row, when it is one (the rank-1 kernels: box blurs,
     * Gaussians, Sobel, the identity). Filtering with the column then the row costs
     * {@code rows + columns} multiplications per pixel instead of {@code rows * columns}.
     *
     * <p>The test is exact up to a relative tolerance of 1e-9 of the largest value, so that
     * Gaussians computed with {@code exp} are recognized.
     */
    public Optional<Separation> separate() {
        double[] values = values();
        int pivot = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i]) > Math.abs(values[pivot])) {
                pivot = i;
            }
        }
        double largest = Math.abs(values[pivot]);
        if (largest == 0) {
            return Optional.empty();
        }
        int pivotRow = pivot / columns;
        int pivotColumn = pivot % columns;
        double[] column = new double[rows];
        double[] row = new double[columns];
        // Split the pivot's magnitude evenly: the Gaussian 1 2 1 / 2 4 2 / 1 2 1 / 16 becomes
        // (1 2 1)/4 down and (1 2 1)/4 across.
        double root = Math.sqrt(largest);
        for (int r = 0; r < rows; r++) {
            column[r] = values[r * columns + pivotColumn] / root;
        }
        for (int c = 0; c < columns; c++) {
            row[c] = values[pivotRow * columns + c] / values[pivot] * root;
        }
        double tolerance = 1e-9 * largest;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (Math.abs(column[r] * row[c] - values[r * columns + c]) > tolerance) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Separation(
                new Kernel(rows, 1, column, 1, anchorRow, 0),
                new Kernel(1, columns, row, 1, 0, anchorColumn)));
    }

    /**
     * A kernel written as a column kernel ({@code rows x 1}) times a row kernel
     * ({@code 1 x columns}); see {@link Kernel#separate()}.
     */
    public record Separation(Kernel column, Kernel row) {
        /** The 2-D kernel {@code column * row}, anchored at the column's row and the row's column. */
        public Kernel product() {
            double[] product = new double[column.rows * row.columns];
            for (int r = 0; r < column.rows; r++) {
                for (int c = 0; c < row.columns; c++) {
                    product[r * row.columns + c] = column.value(r, 0) * row.value(0, c);
                }
            }
            return new Kernel(
                    column.rows, row.columns, product, 1, column.anchorRow, row.anchorColumn);
        }
    }

    /** Same size, same anchor and the same values (weight / divisor) in every cell. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Kernel that
                && rows == that.rows
                && columns == that.columns
                && anchorRow == that.anchorRow
                && anchorColumn == that.anchorColumn
                && Arrays.equals(values(), that.values());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * rows + columns) + 31 * anchorRow + anchorColumn)
                + Arrays.hashCode(values());
    }

    /**
     * The weights as {@link #parse} reads them, followed by the divisor when it is not 1 and
     * the anchor when it is not the default one, e.g. {@code "1 2 1; 2 4 2; 1 2 1 / 16"}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            text.append(r == 0 ? "" : "; ");
            for (int c = 0; c < columns; c++) {
                text.append(c == 0 ? "" : " ").append(KernelSyntax.format(weights[r * columns + c]));
            }
        }
        if (divisor != 1) {
            text.append(" / ").append(KernelSyntax.format(divisor));
        }
        if (anchorRow != rows / 2 || anchorColumn != columns / 2) {
            text.append(" @ (").append(anchorRow).append(", ").append(anchorColumn).append(')');
        }
        return text.toString();
    }
}
