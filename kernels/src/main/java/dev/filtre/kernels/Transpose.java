package dev.filtre.kernels;

/** Copies a row-major matrix transposed, in square tiles so that reads and writes both stay in cache. */
final class Transpose {
    private static final int TILE = 16;

    private Transpose() {}

    /** {@code to[j][i] = from[i][j]} for {@code from [rows×columns]}, {@code to [columns×rows]}. */
    static void copy(int rows, int columns, float[] from, int fromOffset, float[] to, int toOffset) {
        rows(0, rows, columns, from, fromOffset, to, toOffset, false);
    }

    /**
     * The tiled walk of {@link #copy} over the source's rows {@code first .. rows - 1}, each value
     * written to its place in the target, or added to it when {@code add}.
     */
    static void rows(int first, int rows, int columns, float[] from, int fromOffset, float[] to, int toOffset,
            boolean add) {
        for (int i0 = first; i0 < rows; i0 += TILE) {
            int i1 = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < columns; j0 += TILE) {
                int j1 = Math.min(columns, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    int source = fromOffset + i * columns;
                    for (int j = j0; j < j1; j++) {
                        int target = toOffset + j * rows + i;
                        to[target] = add ? to[target] + from[source + j] : from[source + j];
                    }
                }
            }
        }
    }
}
