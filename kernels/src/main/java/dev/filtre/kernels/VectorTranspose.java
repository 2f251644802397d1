package dev.filtre.kernels;

import java.util.concurrent.atomic.AtomicReferenceArray;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Transpose} with the Vector API: {@code LANES} rows of the source at a time, each of their
 * columns one gathered vector, written (or added) as {@code LANES} consecutive values of the
 * target's row. The gather reads one value from each of the rows' cache lines, which stay in L1
 * while their columns are walked: 64x588 values in 16 µs against 29 for the scalar tiles. The rows
 * past the last multiple of {@code LANES}, and sources whose row length has no index map, go to
 * {@link Transpose}.
 */
final class VectorTranspose {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /**
     * Index maps {@code {0, s, 2s, ...}}, one per row length {@code s}, each in the slot {@code s mod
     * 61} that the first length to ask for it claims (a map's {@code [1]} is its {@code s}), so that
     * after the first call nothing is allocated; a length whose slot another holds is transposed by
     * {@link Transpose}.
     */
    private static final AtomicReferenceArray<int[]> MAPS = new AtomicReferenceArray<>(61);

    private VectorTranspose() {}

    /** {@code to[j][i] = from[i][j]} for {@code from [rows×columns]}, {@code to [columns×rows]}. */
    static void copy(int rows, int columns, float[] from, int fromOffset, float[] to, int toOffset) {
        transpose(rows, columns, from, fromOffset, to, toOffset, false);
    }

    /** {@code to[j][i] += from[i][j]} for {@code from [rows×columns]}, {@code to [columns×rows]}. */
    static void add(int rows, int columns, float[] from, int fromOffset, float[] to, int toOffset) {
        transpose(rows, columns, from, fromOffset, to, toOffset, true);
    }

    private static void transpose(int rows, int columns, float[] from, int fromOffset, float[] to, int toOffset,
            boolean add) {
        int[] map = rows >= LANES ? mapOf(columns) : null;
        int whole = map == null ? 0 : rows - rows % LANES;
        for (int i0 = 0; i0 < whole; i0 += LANES) {
            int source = fromOffset + i0 * columns;
            int target = toOffset + i0;
            for (int j = 0; j < columns; j++, target += rows) {
                FloatVector column = FloatVector.fromArray(SPECIES, from, source + j, map, 0);
                if (add) {
                    column = FloatVector.fromArray(SPECIES, to, target).add(column);
                }
                column.intoArray(to, target);
            }
        }
        if (whole < rows) {
            Transpose.rows(whole, rows, columns, from, fromOffset, to, toOffset, add);
        }
    }

    /** The index map of rows {@code columns} long, or null when its slot holds another length's. */
    static int[] mapOf(int columns) {
        int slot = columns % MAPS.length();
        int[] map = MAPS.get(slot);
        if (map == null) {
            int[] made = new int[LANES];
            for (int l = 0; l < LANES; l++) {
                made[l] = l * columns;
            }
            MAPS.compareAndSet(slot, null, made);
            map = MAPS.get(slot);
        }
        return map[1] == columns ? map : null;
    }
}
