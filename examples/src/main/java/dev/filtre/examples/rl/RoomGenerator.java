package dev.filtre.examples.rl;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * Draws rooms from a seed: a rectangle of walls with obstacles inside (square blocks and straight
 * wall segments), and a start facing a free cell in a region large enough to drive around. The same
 * seed gives the same layout, so training rooms and held-out rooms are just two ranges of seeds.
 *
 * @param width the room's width in cells, outer walls included
 * @param height the room's height in cells, outer walls included
 * @param obstacles the number of obstacles drawn (they may overlap)
 */
public record RoomGenerator(int width, int height, int obstacles) {
    /** The rooms of the demo: 14x14 with 10 obstacles. */
    public static final RoomGenerator DEFAULT = new RoomGenerator(14, 14, 10);

    private static final int LONGEST_SEGMENT = 6;
    private static final int WIDEST_BLOCK = 3;
    private static final int STARTS_TRIED = 200;
    private static final int LAYOUTS_TRIED = 1000;

    public RoomGenerator {
        if (width < 5 || height < 5) {
            throw new IllegalArgumentException("a room needs at least 5x5 cells, got " + width + "x" + height);
        }
        if (obstacles < 0) {
            throw new IllegalArgumentException("obstacles must not be negative, got " + obstacles);
        }
    }

    /**
     * The layout of {@code seed}.
     *
     * @throws IllegalStateException when no drawn room has a good start, e.g. with far too many
     *     obstacles for its size
     */
    public Layout generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int layout = 0; layout < LAYOUTS_TRIED; layout++) {
            boolean[] walls = drawWalls(random);
            Room room = Room.of(width, height, walls);
            for (int attempt = 0; attempt < STARTS_TRIED; attempt++) {
                Pose start = new Pose(
                        1 + random.nextInt(width - 2),
                        1 + random.nextInt(height - 2),
                        Heading.values()[random.nextInt(4)]);
                if (isGoodStart(room, start)) {
                    return new Layout(room, start);
                }
            }
        }
        throw new IllegalStateException("seed " + seed + ": none of " + LAYOUTS_TRIED + " rooms of " + this
                + " has a free cell facing a free cell in a region of a third of the room; use fewer obstacles");
    }

    private boolean[] drawWalls(SplittableRandom random) {
        boolean[] walls = new boolean[width * height];
        for (int x = 0; x < width; x++) {
            walls[x] = true;
            walls[(height - 1) * width + x] = true;
        }
        for (int y = 0; y < height; y++) {
            walls[y * width] = true;
            walls[y * width + width - 1] = true;
        }
        for (int i = 0; i < obstacles; i++) {
            int obstacleWidth;
            int obstacleHeight;
            if (random.nextBoolean()) {
                obstacleWidth = 1 + random.nextInt(WIDEST_BLOCK);
                obstacleHeight = obstacleWidth;
            } else {
                int length = 2 + random.nextInt(LONGEST_SEGMENT - 1);
                boolean horizontal = random.nextBoolean();
                obstacleWidth = horizontal ? length : 1;
                obstacleHeight = horizontal ? 1 : length;
            }
            obstacleWidth = Math.min(obstacleWidth, width - 2);
            obstacleHeight = Math.min(obstacleHeight, height - 2);
            int left = 1 + random.nextInt(width - 1 - obstacleWidth);
            int top = 1 + random.nextInt(height - 1 - obstacleHeight);
            for (int y = top; y < top + obstacleHeight; y++) {
                for (int x = left; x < left + obstacleWidth; x++) {
                    walls[y * width + x] = true;
                }
            }
        }
        return walls;
    }

    /** A free cell facing a free cell, in a region of at least a third of the room's inside. */
    private boolean isGoodStart(Room room, Pose start) {
        Pose ahead = start.forward();
        return !room.isWall(start.x(), start.y())
                && !room.isWall(ahead.x(), ahead.y())
                && regionSize(room, start.x(), start.y()) * 3 >= (width - 2) * (height - 2);
    }

    /** The number of free cells reachable from ({@code x}, {@code y}) by moves between neighbours. */
    static int regionSize(Room room, int x, int y) {
        boolean[] seen = new boolean[room.width() * room.height()];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        seen[y * room.width() + x] = true;
        queue.add(new int[] {x, y});
        int size = 0;
        while (!queue.isEmpty()) {
            int[] cell = queue.poll();
            size++;
            for (Heading heading : Heading.values()) {
                int nx = cell[0] + heading.dx();
                int ny = cell[1] + heading.dy();
                if (!room.isWall(nx, ny) && !seen[ny * room.width() + nx]) {
                    seen[ny * room.width() + nx] = true;
                    queue.add(new int[] {nx, ny});
                }
            }
        }
        return size;
    }
}
