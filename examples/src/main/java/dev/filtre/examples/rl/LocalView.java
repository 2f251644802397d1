package dev.filtre.examples.rl;

/**
 * What the robot sees: a {@value #SIZE}x{@value #SIZE} one-channel image of the cells around it,
 * turned with the robot so that "ahead" is always up. The robot stands in the bottom row, in the
 * middle column; it sees {@value #SIZE} - 1 cells ahead, {@value #SIDE} to each side, and nothing
 * behind (as MiniGrid's agents do). A wall is 1, a free cell 0.
 *
 * <p>Turning with the robot is what lets a small convolutional network read the view: "a wall right
 * in front" is the same pattern whichever way the robot faces in the room.
 */
public final class LocalView {
    /** The side of the square view, in cells. */
    public static final int SIZE = 7;

    /** The number of cells the robot sees on each side. */
    public static final int SIDE = SIZE / 2;

    /** The row of the view where the robot stands (the bottom row). */
    public static final int ROBOT_ROW = SIZE - 1;

    /** The column of the view where the robot stands (the middle column). */
    public static final int ROBOT_COLUMN = SIDE;

    /** The number of values of one observation: {@code 1 * SIZE * SIZE}. */
    public static final int VALUES = SIZE * SIZE;

    private LocalView() {}

    /** The shape of one observation, channels first, as a {@code @Network} declares it. */
    public static int[] shape() {
        return new int[] {1, SIZE, SIZE};
    }

    /** A new observation of {@code room} from {@code pose}. */
    public static float[] of(Room room, Pose pose) {
        float[] view = new float[VALUES];
        render(room, pose, view, 0);
        return view;
    }

    /**
     * Writes the observation of {@code room} from {@code pose} into {@code view} at {@code offset},
     * row-major: row 0 is farthest ahead, column 0 is farthest to the robot's left.
     */
    public static void render(Room room, Pose pose, float[] view, int offset) {
        if (offset < 0 || offset + VALUES > view.length) {
            throw new IllegalArgumentException("a view of " + VALUES + " values does not fit in an array of "
                    + view.length + " at offset " + offset);
        }
        Heading ahead = pose.heading();
        Heading right = ahead.right();
        for (int row = 0; row < SIZE; row++) {
            int distanceAhead = ROBOT_ROW - row;
            for (int column = 0; column < SIZE; column++) {
                int distanceRight = column - ROBOT_COLUMN;
                int x = pose.x() + distanceAhead * ahead.dx() + distanceRight * right.dx();
                int y = pose.y() + distanceAhead * ahead.dy() + distanceRight * right.dy();
                view[offset + row * SIZE + column] = room.isWall(x, y) ? 1f : 0f;
            }
        }
    }
}
