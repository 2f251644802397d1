package dev.filtre.examples.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The robot's view turns with it: "ahead" is always up, its left always on the left. */
class LocalViewTest {
    /**
     * A room with one single wall cell inside, at (5, 3): two cells north of (5, 5) and, seen from
     * (3, 3), two cells east.
     */
    private static final Room ONE_PILLAR = Room.parse(
            "###########",
            "#.........#",
            "#.........#",
            "#....#....#",
            "#.........#",
            "#.........#",
            "#.........#",
            "#.........#",
            "#.........#",
            "#.........#",
            "###########");

    private static float at(float[] view, int row, int column) {
        return view[row * LocalView.SIZE + column];
    }

    @Test
    void aWallTwoCellsAheadIsTwoRowsAboveTheRobotWhicheverWayItFaces() {
        Pose[] facingThePillar = {
            new Pose(5, 5, Heading.NORTH), new Pose(3, 3, Heading.EAST),
            new Pose(5, 1, Heading.SOUTH), new Pose(7, 3, Heading.WEST)
        };
        for (Pose pose : facingThePillar) {
            float[] view = LocalView.of(ONE_PILLAR, pose);
            assertEquals(1f, at(view, LocalView.ROBOT_ROW - 2, LocalView.ROBOT_COLUMN), pose.toString());
            assertEquals(0f, at(view, LocalView.ROBOT_ROW - 1, LocalView.ROBOT_COLUMN), pose.toString());
            assertEquals(0f, at(view, LocalView.ROBOT_ROW, LocalView.ROBOT_COLUMN), "the robot's own cell");
        }
    }

    @Test
    void aWallOnTheRobotsLeftIsLeftOfTheRobotInTheView() {
        // From (5, 5) facing east, the pillar (5, 3) is two cells to the left (north), level with the robot.
        float[] east = LocalView.of(ONE_PILLAR, new Pose(5, 5, Heading.EAST));
        assertEquals(1f, at(east, LocalView.ROBOT_ROW, LocalView.ROBOT_COLUMN - 2));
        // Facing west from the same cell, north is on the right.
        float[] west = LocalView.of(ONE_PILLAR, new Pose(5, 5, Heading.WEST));
        assertEquals(1f, at(west, LocalView.ROBOT_ROW, LocalView.ROBOT_COLUMN + 2));
        // Facing south, the pillar is behind the robot: out of sight.
        float[] south = LocalView.of(ONE_PILLAR, new Pose(5, 5, Heading.SOUTH));
        for (int i = 0; i < LocalView.VALUES; i++) {
            int row = i / LocalView.SIZE;
            int column = i % LocalView.SIZE;
            boolean outerWall = 5 + (LocalView.ROBOT_ROW - row) >= 10
                    || 5 - (column - LocalView.ROBOT_COLUMN) <= 0
                    || 5 - (column - LocalView.ROBOT_COLUMN) >= 10;
            assertEquals(outerWall ? 1f : 0f, south[i], "row " + row + ", column " + column);
        }
    }

    /** The whole 7x7 view near the north-west corner, facing north, written out by hand. */
    @Test
    void theViewNearACornerFacingNorth() {
        float[] view = LocalView.of(ONE_PILLAR, new Pose(2, 4, Heading.NORTH));
        float[] expected = {
            1, 1, 1, 1, 1, 1, 1, // y = -2: outside the room
            1, 1, 1, 1, 1, 1, 1, // y = -1: outside
            1, 1, 1, 1, 1, 1, 1, // y = 0: the north wall
            1, 1, 0, 0, 0, 0, 0, // y = 1: x = -1 (outside) and 0 (west wall), then free
            1, 1, 0, 0, 0, 0, 0, // y = 2
            1, 1, 0, 0, 0, 0, 1, // y = 3: the pillar at x = 5
            1, 1, 0, 0, 0, 0, 0, // y = 4: the robot at x = 2
        };
        assertArrayEquals(expected, view);
    }

    @Test
    void turningFourTimesGivesTheSameView() {
        Layout layout = RoomGenerator.DEFAULT.generate(3);
        Pose pose = layout.start();
        assertArrayEquals(LocalView.of(layout.room(), pose),
                LocalView.of(layout.room(), pose.turnedLeft().turnedLeft().turnedLeft().turnedLeft()));
        assertArrayEquals(new int[] {1, 7, 7}, LocalView.shape());
    }
}
