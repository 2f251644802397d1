package dev.filtre.examples.rl;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A picture of one episode: the room (walls dark, free cells light), the robot's path from the start
 * (green dot) to where it ended (an arrow showing its heading; a red cross if it ended on a wall),
 * the path's colour going from blue to orange with time, and the cells it visited lightly shaded.
 */
public final class PathPicture {
    private static final Color WALL = new Color(60, 60, 70);
    private static final Color FLOOR = new Color(245, 245, 240);
    private static final Color VISITED = new Color(255, 236, 190);
    private static final Color EARLY = new Color(30, 90, 200);
    private static final Color LATE = new Color(240, 130, 20);
    private static final int TITLE_HEIGHT = 30;
    private static final int PASSES_SHOWN = 5;

    private PathPicture() {}

    /**
     * Draws {@code room} with the robot's {@code path} (every pose, the start first), {@code cell}
     * pixels per cell, under {@code title}.
     */
    public static BufferedImage draw(Room room, List<Pose> path, boolean collided, int cell, String title) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least the start pose");
        }
        BufferedImage image = new BufferedImage(
                room.width() * cell, room.height() * cell + TITLE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.setColor(Color.BLACK);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            graphics.drawString(title, 8, 20);
            graphics.translate(0, TITLE_HEIGHT);
            drawRoom(graphics, room, path, cell);
            drawPath(graphics, path, cell);
            drawEnds(graphics, path, collided, cell);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static void drawRoom(Graphics2D graphics, Room room, List<Pose> path, int cell) {
        for (int y = 0; y < room.height(); y++) {
            for (int x = 0; x < room.width(); x++) {
                graphics.setColor(room.isWall(x, y) ? WALL : FLOOR);
                graphics.fillRect(x * cell, y * cell, cell, cell);
            }
        }
        graphics.setColor(VISITED);
        for (Pose pose : path) {
            graphics.fillRect(pose.x() * cell + 1, pose.y() * cell + 1, cell - 2, cell - 2);
        }
        graphics.setColor(new Color(215, 215, 210));
        for (int y = 0; y < room.height(); y++) {
            for (int x = 0; x < room.width(); x++) {
                if (!room.isWall(x, y)) {
                    graphics.drawRect(x * cell, y * cell, cell, cell);
                }
            }
        }
    }

    /**
     * The path through the cells' centres. Each new pass between the same two cells is drawn a little
     * aside from the previous ones, so that a robot going back and forth shows several strokes.
     */
    private static void drawPath(Graphics2D graphics, List<Pose> path, int cell) {
        graphics.setStroke(new BasicStroke(Math.max(2f, cell / 12f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Map<List<Integer>, Integer> passes = new HashMap<>();
        int last = path.size() - 1;
        for (int i = 1; i <= last; i++) {
            Pose from = path.get(i - 1);
            Pose to = path.get(i);
            if (from.x() == to.x() && from.y() == to.y()) {
                continue;
            }
            List<Integer> segment = List.of(Math.min(from.x(), to.x()), Math.min(from.y(), to.y()),
                    Math.max(from.x(), to.x()), Math.max(from.y(), to.y()));
            int pass = passes.merge(segment, 1, Integer::sum) - 1;
            double offset = ((pass % PASSES_SHOWN) - (PASSES_SHOWN - 1) / 2.0) * cell / (PASSES_SHOWN + 1.0);
            double dx = from.y() == to.y() ? 0 : offset;
            double dy = from.x() == to.x() ? 0 : offset;
            graphics.setColor(blend(EARLY, LATE, (double) i / last));
            graphics.drawLine(
                    (int) Math.round(center(from.x(), cell) + dx), (int) Math.round(center(from.y(), cell) + dy),
                    (int) Math.round(center(to.x(), cell) + dx), (int) Math.round(center(to.y(), cell) + dy));
        }
    }

    private static void drawEnds(Graphics2D graphics, List<Pose> path, boolean collided, int cell) {
        Pose start = path.get(0);
        int radius = Math.max(4, cell / 4);
        graphics.setColor(new Color(20, 160, 60));
        graphics.fillOval((int) center(start.x(), cell) - radius, (int) center(start.y(), cell) - radius,
                2 * radius, 2 * radius);
        Pose end = path.get(path.size() - 1);
        double cx = center(end.x(), cell);
        double cy = center(end.y(), cell);
        double size = cell * 0.4;
        Heading heading = end.heading();
        Heading right = heading.right();
        Polygon arrow = new Polygon();
        arrow.addPoint((int) (cx + heading.dx() * size), (int) (cy + heading.dy() * size));
        arrow.addPoint((int) (cx - heading.dx() * size * 0.6 + right.dx() * size * 0.6),
                (int) (cy - heading.dy() * size * 0.6 + right.dy() * size * 0.6));
        arrow.addPoint((int) (cx - heading.dx() * size * 0.6 - right.dx() * size * 0.6),
                (int) (cy - heading.dy() * size * 0.6 - right.dy() * size * 0.6));
        graphics.setColor(Color.BLACK);
        graphics.fillPolygon(arrow);
        if (collided) {
            graphics.setColor(Color.RED);
            graphics.setStroke(new BasicStroke(3f));
            double wx = center(end.x() + heading.dx(), cell);
            double wy = center(end.y() + heading.dy(), cell);
            int half = cell / 3;
            graphics.drawLine((int) wx - half, (int) wy - half, (int) wx + half, (int) wy + half);
            graphics.drawLine((int) wx - half, (int) wy + half, (int) wx + half, (int) wy - half);
        }
    }

    private static double center(int index, int cell) {
        return index * cell + cell / 2.0;
    }

    private static Color blend(Color from, Color to, double t) {
        return new Color(
                (int) Math.round(from.getRed() + (to.getRed() - from.getRed()) * t),
                (int) Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * t),
                (int) Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * t));
    }
}
