package dev.filtre.examples.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the robot's room: moves, turns, collisions, when rewards come, the step limit. */
class RobotEnvironmentTest {
    /** A corridor 8 cells long, closed at both ends. */
    private static final Room CORRIDOR = Room.parse(
            "##########",
            "#........#",
            "##########");

    private static final Room OPEN = Room.parse(
            "#####",
            "#...#",
            "#...#",
            "#...#",
            "#####");

    /** 3 cells per reward, and turns in place allowed up to 8 in a row, far from stalling. */
    private static final Rules LONG = new Rules(100, 3, 8, 1.0, -1.0);

    private static RobotEnvironment startIn(Room room, Pose start, Rules rules) {
        RobotEnvironment environment = new RobotEnvironment(RoomGenerator.DEFAULT, rules);
        environment.reset(new Layout(room, start));
        return environment;
    }

    @Test
    void forwardMovesOneCellInTheDirectionFaced() {
        for (Heading heading : Heading.values()) {
            RobotEnvironment environment = startIn(OPEN, new Pose(2, 2, heading), LONG);

            StepResult result = environment.step(Action.FORWARD);

            assertEquals(new Pose(2 + heading.dx(), 2 + heading.dy(), heading), environment.pose(), heading.name());
            assertFalse(result.done());
            assertEquals(1, environment.cellsDriven());
        }
        assertEquals(new Pose(2, 1, Heading.NORTH), new Pose(2, 2, Heading.NORTH).forward());
        assertEquals(new Pose(3, 2, Heading.EAST), new Pose(2, 2, Heading.EAST).forward());
    }

    @Test
    void turnsRotateInPlaceAQuarterTurn() {
        RobotEnvironment environment = startIn(OPEN, new Pose(2, 2, Heading.NORTH), LONG);

        environment.step(Action.TURN_LEFT);
        assertEquals(new Pose(2, 2, Heading.WEST), environment.pose());
        environment.step(Action.TURN_LEFT);
        assertEquals(new Pose(2, 2, Heading.SOUTH), environment.pose());
        environment.step(Action.TURN_RIGHT);
        environment.step(Action.TURN_RIGHT);
        environment.step(Action.TURN_RIGHT);
        assertEquals(new Pose(2, 2, Heading.EAST), environment.pose());
        assertEquals(0, environment.cellsDriven(), "turning drives no cell");
        assertEquals(5, environment.steps());
    }

    @Test
    void drivingIntoAWallEndsTheEpisodeWithTheRegretAndTheRobotStays() {
        RobotEnvironment environment = startIn(CORRIDOR, new Pose(7, 1, Heading.EAST), LONG);

        environment.step(Action.FORWARD);
        StepResult crash = environment.step(Action.FORWARD);

        assertTrue(crash.terminated());
        assertFalse(crash.truncated());
        assertEquals(-1.0, crash.reward());
        assertEquals(new Pose(8, 1, Heading.EAST), environment.pose());
        assertTrue(environment.collided());
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> environment.step(Action.TURN_LEFT));
        assertTrue(after.getMessage().contains("collision"), after.getMessage());
    }

    @Test
    void turningNextToAWallIsSafe() {
        RobotEnvironment environment = startIn(CORRIDOR, new Pose(1, 1, Heading.NORTH), LONG);

        StepResult left = environment.step(Action.TURN_LEFT);
        StepResult right = environment.step(Action.TURN_RIGHT);

        assertFalse(left.done());
        assertFalse(right.done());
        assertEquals(0.0, left.reward());
    }

    @Test
    void theRewardComesOnlyEachTimeAnotherStretchOfCellsIsDriven() {
        RobotEnvironment environment = startIn(CORRIDOR, new Pose(1, 1, Heading.EAST), LONG);
        List<Double> rewards = new ArrayList<>();

        for (Action action : List.of(Action.FORWARD, Action.FORWARD, Action.TURN_LEFT, Action.TURN_RIGHT,
                Action.FORWARD, Action.FORWARD, Action.FORWARD, Action.FORWARD, Action.FORWARD)) {
            rewards.add(environment.step(action).reward());
        }

        assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0), rewards,
                "3 cells per reward: the 3rd and 6th cells driven, turns not counted");
    }

    @Test
    void theEpisodeIsTruncatedAtTheStepLimitNotTerminated() {
        RobotEnvironment environment = startIn(OPEN, new Pose(2, 2, Heading.NORTH), new Rules(4, 5, 3, 1, -1));

        for (int step = 1; step < 4; step++) {
            StepResult result = environment.step(Action.TURN_LEFT);
            assertFalse(result.done(), "step " + step);
        }
        StepResult last = environment.step(Action.FORWARD);

        assertTrue(last.truncated());
        assertFalse(last.terminated());
        assertTrue(environment.isOver());
        assertThrows(IllegalStateException.class, () -> environment.step(Action.FORWARD));
    }

    @Test
    void turningInPlaceOnceTooOftenStallsTheRobotWithTheRegret() {
        RobotEnvironment environment = startIn(OPEN, new Pose(2, 2, Heading.NORTH), new Rules(100, 3, 2, 1, -1));

        assertFalse(environment.step(Action.TURN_LEFT).done());
        assertFalse(environment.step(Action.TURN_LEFT).done(), "a U-turn is allowed");
        assertFalse(environment.step(Action.FORWARD).done(), "driving resets the count");
        assertFalse(environment.step(Action.TURN_RIGHT).done());
        assertFalse(environment.step(Action.TURN_RIGHT).done());
        StepResult stall = environment.step(Action.TURN_RIGHT);

        assertTrue(stall.terminated());
        assertEquals(-1.0, stall.reward());
        assertTrue(environment.stalled());
        assertFalse(environment.collided());
        assertEquals(new Pose(2, 3, Heading.NORTH), environment.pose(), "the stalled robot did not turn");
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> environment.step(Action.FORWARD));
        assertTrue(after.getMessage().contains("stall"), after.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Rules(100, 3, 1, 1, -1), "no U-turn possible");
    }

    @Test
    void resetStartsAFreshEpisode() {
        RobotEnvironment environment = new RobotEnvironment();
        float[] first = environment.reset(7);
        environment.step(Action.TURN_LEFT);

        float[] again = environment.reset(7);

        assertArrayEquals(first, again);
        assertEquals(0, environment.steps());
        assertEquals(RoomGenerator.DEFAULT.generate(7).start(), environment.pose());
    }

    @Test
    void stepBeforeResetAndBadActionIndexAreClearErrors() {
        RobotEnvironment environment = new RobotEnvironment();
        assertThrows(IllegalStateException.class, () -> environment.step(Action.FORWARD));
        environment.reset(1);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> environment.step(3));
        assertTrue(bad.getMessage().contains("action index 3"), bad.getMessage());
    }
}
