package dev.filtre.examples.rl;

import java.util.Objects;

/** Where the robot stands ({@code x}, {@code y}: column and row of its cell) and where it faces. */
public record Pose(int x, int y, Heading heading) {
    public Pose {
        Objects.requireNonNull(heading, "heading");
    }

    /** The same cell, one cell further in the direction of {@link #heading()}. */
    public Pose forward() {
        return new Pose(x + heading.dx(), y + heading.dy(), heading);
    }

    /** The same cell, facing a quarter turn to the left. */
    public Pose turnedLeft() {
        return new Pose(x, y, heading.left());
    }

    /** The same cell, facing a quarter turn to the right. */
    public Pose turnedRight() {
        return new Pose(x, y, heading.right());
    }
}
