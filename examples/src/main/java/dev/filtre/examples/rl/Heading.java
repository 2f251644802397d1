package dev.filtre.examples.rl;

/**
 * The four directions the robot can face, in clockwise order. The room's {@code x} grows to the
 * east and its {@code y} to the south, as on screen.
 */
public enum Heading {
    NORTH(0, -1),
    EAST(1, 0),
    SOUTH(0, 1),
    WEST(-1, 0);

    /** {@link #values()} once: each call of {@code values()} copies the array, and turns are per step. */
    private static final Heading[] CLOCKWISE = values();

    private final int dx;
    private final int dy;

    Heading(int dx, int dy) {
        this.dx = dx;
        this.dy = dy;
    }

    /** The change of {@code x} for one cell moved in this direction. */
    public int dx() {
        return dx;
    }

    /** The change of {@code y} for one cell moved in this direction. */
    public int dy() {
        return dy;
    }

    /** The heading after a quarter turn to the left (counter-clockwise). */
    public Heading left() {
        return CLOCKWISE[(ordinal() + 3) % 4];
    }

    /** The heading after a quarter turn to the right (clockwise). */
    public Heading right() {
        return CLOCKWISE[(ordinal() + 1) % 4];
    }
}
