package dev.filtre.examples.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Seeded rooms: reproducible, closed, and a start the robot can drive from. */
class RoomGeneratorTest {
    @Test
    void theSameSeedGivesTheSameLayoutAndOtherSeedsOthers() {
        RoomGenerator generator = RoomGenerator.DEFAULT;
        assertEquals(generator.generate(42), generator.generate(42));
        assertNotEquals(generator.generate(42).room(), generator.generate(43).room());
    }

    @Test
    void everyRoomIsWalledInAndStartsFacingAFreeCellInALargeRegion() {
        RoomGenerator generator = RoomGenerator.DEFAULT;
        for (long seed = 0; seed < 200; seed++) {
            Layout layout = generator.generate(seed);
            Room room = layout.room();
            for (int x = 0; x < room.width(); x++) {
                assertTrue(room.isWall(x, 0) && room.isWall(x, room.height() - 1), "seed " + seed);
            }
            for (int y = 0; y < room.height(); y++) {
                assertTrue(room.isWall(0, y) && room.isWall(room.width() - 1, y), "seed " + seed);
            }
            Pose start = layout.start();
            assertFalse(room.isWall(start.x(), start.y()), "seed " + seed);
            assertFalse(room.isWall(start.forward().x(), start.forward().y()), "seed " + seed);
            assertTrue(RoomGenerator.regionSize(room, start.x(), start.y()) * 3 >= 12 * 12, "seed " + seed);
        }
    }

    @Test
    void aRoomWithNoRoomToDriveIsAClearError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new RoomGenerator(5, 5, 40).generate(1));
        assertTrue(error.getMessage().startsWith("seed 1: none of 1000 rooms of RoomGenerator[width=5, height=5, obstacles=40]"),
                error.getMessage());
    }

    @Test
    void roomsParseAndPrintTheSameWayAndBadRowsAreNamed() {
        Room room = Room.parse("###", "#.#", "###");
        assertEquals("###\n#.#\n###\n", room.toString());
        assertEquals(1, room.freeCells());
        assertTrue(room.isWall(-1, 1), "outside is wall");
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class, () -> Room.parse("###", "#."));
        assertTrue(ragged.getMessage().contains("row 1"), ragged.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Room.parse("#x#"));
        assertTrue(bad.getMessage().contains("column 1"), bad.getMessage());
    }
}
