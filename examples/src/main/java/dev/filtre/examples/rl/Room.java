package dev.filtre.examples.rl;

import java.util.Arrays;

/**
 * A rectangular grid of cells, each free or a wall. Everything outside the grid counts as wall, so a
 * robot can never leave the room.
 */
public final class Room {
    private final int width;
    private final int height;
    private final boolean[] walls;

    private Room(int width, int height, boolean[] walls) {
        this.width = width;
        this.height = height;
        this.walls = walls;
    }

    /**
     * A room drawn as text, one string per row from north to south: {@code '#'} for a wall,
     * {@code '.'} for a free cell.
     *
     * @throws IllegalArgumentException naming the row and column of a bad character, or a row whose
     *     length differs from the first
     */
    public static Room parse(String... rows) {
        if (rows.length == 0 || rows[0].isEmpty()) {
            throw new IllegalArgumentException("a room needs at least one row of at least one cell");
        }
        int width = rows[0].length();
        boolean[] walls = new boolean[width * rows.length];
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length() != width) {
                throw new IllegalArgumentException(
                        "row " + y + " has " + rows[y].length() + " cells, row 0 has " + width);
            }
            for (int x = 0; x < width; x++) {
                char cell = rows[y].charAt(x);
                if (cell != '#' && cell != '.') {
                    throw new IllegalArgumentException(
                            "row " + y + ", column " + x + ": '" + cell + "' is neither '#' (wall) nor '.' (free)");
                }
                walls[y * width + x] = cell == '#';
            }
        }
        return new Room(width, rows.length, walls);
    }

    /** A room of the given size from its wall cells, row-major; the array is copied. */
    static Room of(int width, int height, boolean[] walls) {
        if (width <= 0 || height <= 0 || walls.length != width * height) {
            throw new IllegalArgumentException(
                    "a " + width + "x" + height + " room needs " + width * height + " cells, got " + walls.length);
        }
        return new Room(width, height, walls.clone());
    }

    /** The number of columns. */
    public int width() {
        return width;
    }

    /** The number of rows. */
    public int height() {
        return height;
    }

    /** True for a wall, and for any cell outside the room. */
    public boolean isWall(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height || walls[y * width + x];
    }

    /** The number of free cells. */
    public int freeCells() {
        int free = 0;
        for (boolean wall : walls) {
            if (!wall) {
                free++;
            }
        }
        return free;
    }

    /** The room drawn as {@link #parse(String...)} reads it. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                text.append(isWall(x, y) ? '#' : '.');
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Room room
                && room.width == width
                && room.height == height
                && Arrays.equals(room.walls, walls);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(walls);
    }
}
