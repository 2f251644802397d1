package dev.filtre.kernels;

/** Copies a row-major matrix transposed, in square tiles so that reads and writes both stay in cache. */
final class Transpose {
    private static final int TILE = 16;

    private Transpose() {}

    /** {@code to[j][i] = from[i][j]} for {@code from [rows×columns]}, {@code to [columns×rows]}. */
    static void copy(int rows, int columns, float[] from, int fromOffset, float[] to, int toOffset) {
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < columns; j0 += TILE) {
                int j1 = Math.min(columns, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    int source = fromOffset + i * columns;
                    for (int j = j0; j < j1; j++) {
                        to[toOffset + j * rows + i] = from[source + j];
                    }
                }
            }
        }
    }

    /** {@code to[j][i] += from[i][j]} for {@code from [rows×columns]}, {@code to [columns×rows]}. */
    static void add(int rows, int columns, float[] from, int fromOffset, float[] to, int toOffset) {
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < columns; j0 += TILE) {
                int j1 = Math.min(columns, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    int source = fromOffset + i * columns;
                    for (int j = j0; j < j1; j++) {
                        to[toOffset + j * rows + i] += from[source + j];
                    }
                }
            }
        }
    }
}
