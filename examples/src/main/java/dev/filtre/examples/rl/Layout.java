package dev.filtre.examples.rl;

import java.util.Objects;

/** A room and where the robot starts in it. */
public record Layout(Room room, Pose start) {
    public Layout {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(start, "start");
        if (room.isWall(start.x(), start.y())) {
            throw new IllegalArgumentException("the start (" + start.x() + ", " + start.y() + ") is a wall");
        }
    }
}
