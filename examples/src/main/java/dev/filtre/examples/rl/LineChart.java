package dev.filtre.examples.rl;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line chart drawn with Java2D: a title, labelled axes with round ticks, one line per series and a
 * legend. {@link Figures} places one or more charts in a PNG.
 *
 * @param title the chart's title
 * @param xLabel the label of the horizontal axis
 * @param yLabel the label of the vertical axis
 * @param series the lines, drawn in order
 */
public record LineChart(String title, String xLabel, String yLabel, List<Series> series) {
    /**
     * One line of a chart.
     *
     * @param label the name shown in the legend
     * @param color the line's colour
     * @param x the horizontal values
     * @param y the vertical values, as many as {@code x}
     */
    public record Series(String label, Color color, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(color, "color");
            if (x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException("the series '" + label + "' has " + x.length + " x values and "
                        + y.length + " y values; it needs as many of each, at least one");
            }
        }
    }

    private static final int MARGIN_LEFT = 70;
    private static final int MARGIN_RIGHT = 20;
    private static final int MARGIN_TOP = 40;
    private static final int MARGIN_BOTTOM = 55;
    private static final int TICK = 5;
    private static final Color GRID = new Color(225, 225, 225);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int LEGEND_SWATCH = 24;

    public LineChart {
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("the chart '" + title + "' has no series");
        }
    }

    /** Draws the chart into {@code area} of {@code graphics}. */
    public void draw(Graphics2D graphics, Rectangle area) {
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(LEGEND_FONT);
        int plotWidth = area.width - MARGIN_LEFT - MARGIN_RIGHT;
        List<List<Series>> legendRows = legendRows(graphics.getFontMetrics(), plotWidth);
        int legendHeight = legendRows.size() * legendLineHeight(graphics.getFontMetrics());
        Rectangle plot = new Rectangle(area.x + MARGIN_LEFT, area.y + MARGIN_TOP,
                plotWidth, area.height - MARGIN_TOP - MARGIN_BOTTOM - legendHeight);
        double[] xTicks = niceTicks(min(true), max(true));
        double[] yTicks = niceTicks(min(false), max(false));
        Scale x = new Scale(xTicks[0], xTicks[xTicks.length - 1], plot.x, plot.x + plot.width);
        Scale y = new Scale(yTicks[0], yTicks[yTicks.length - 1], plot.y + plot.height, plot.y);

        drawGridAndTicks(graphics, plot, xTicks, yTicks, x, y);
        drawLines(graphics, plot, x, y);
        drawTexts(graphics, plot);
        drawLegend(graphics, plot, legendRows);
    }

    private void drawGridAndTicks(
            Graphics2D graphics, Rectangle plot, double[] xTicks, double[] yTicks, Scale x, Scale y) {
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = graphics.getFontMetrics();
        for (double tick : xTicks) {
            int px = (int) Math.round(x.apply(tick));
            graphics.setColor(GRID);
            graphics.drawLine(px, plot.y, px, plot.y + plot.height);
            graphics.setColor(Color.BLACK);
            graphics.drawLine(px, plot.y + plot.height, px, plot.y + plot.height + TICK);
            String text = format(tick);
            graphics.drawString(text, px - metrics.stringWidth(text) / 2, plot.y + plot.height + TICK + metrics.getAscent() + 2);
        }
        for (double tick : yTicks) {
            int py = (int) Math.round(y.apply(tick));
            graphics.setColor(GRID);
            graphics.drawLine(plot.x, py, plot.x + plot.width, py);
            graphics.setColor(Color.BLACK);
            graphics.drawLine(plot.x - TICK, py, plot.x, py);
            String text = format(tick);
            graphics.drawString(text, plot.x - TICK - 4 - metrics.stringWidth(text), py + metrics.getAscent() / 2 - 1);
        }
        graphics.setColor(Color.BLACK);
        graphics.drawRect(plot.x, plot.y, plot.width, plot.height);
    }

    private void drawLines(Graphics2D graphics, Rectangle plot, Scale x, Scale y) {
        graphics.setClip(plot);
        graphics.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Series line : series) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(x.apply(line.x()[0]), y.apply(line.y()[0]));
            for (int i = 1; i < line.x().length; i++) {
                path.lineTo(x.apply(line.x()[i]), y.apply(line.y()[i]));
            }
            graphics.setColor(line.color());
            graphics.draw(path);
        }
        graphics.setClip(null);
        graphics.setStroke(new BasicStroke(1f));
    }

    private void drawTexts(Graphics2D graphics, Rectangle plot) {
        graphics.setColor(Color.BLACK);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        FontMetrics titleMetrics = graphics.getFontMetrics();
        graphics.drawString(title, plot.x + (plot.width - titleMetrics.stringWidth(title)) / 2, plot.y - 15);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics metrics = graphics.getFontMetrics();
        graphics.drawString(xLabel, plot.x + (plot.width - metrics.stringWidth(xLabel)) / 2,
                plot.y + plot.height + MARGIN_BOTTOM - 12);
        AffineTransform saved = graphics.getTransform();
        graphics.translate(plot.x - MARGIN_LEFT + 18, plot.y + (plot.height + metrics.stringWidth(yLabel)) / 2.0);
        graphics.rotate(-Math.PI / 2);
        graphics.drawString(yLabel, 0, 0);
        graphics.setTransform(saved);
    }

    /** The legend under the axis label, in rows of entries that fit the plot's width. */
    private void drawLegend(Graphics2D graphics, Rectangle plot, List<List<Series>> rows) {
        graphics.setFont(LEGEND_FONT);
        FontMetrics metrics = graphics.getFontMetrics();
        int lineHeight = legendLineHeight(metrics);
        int top = plot.y + plot.height + MARGIN_BOTTOM;
        for (int row = 0; row < rows.size(); row++) {
            int left = plot.x;
            int baseline = top + row * lineHeight + metrics.getAscent();
            int middle = baseline - metrics.getAscent() / 2 + 1;
            for (Series line : rows.get(row)) {
                graphics.setColor(line.color());
                graphics.setStroke(new BasicStroke(3f));
                graphics.drawLine(left, middle, left + LEGEND_SWATCH, middle);
                graphics.setStroke(new BasicStroke(1f));
                graphics.setColor(Color.BLACK);
                graphics.drawString(line.label(), left + LEGEND_SWATCH + 6, baseline);
                left += legendEntryWidth(metrics, line);
            }
        }
    }

    private List<List<Series>> legendRows(FontMetrics metrics, int width) {
        List<List<Series>> rows = new ArrayList<>();
        List<Series> row = new ArrayList<>();
        int used = 0;
        for (Series line : series) {
            int entry = legendEntryWidth(metrics, line);
            if (!row.isEmpty() && used + entry > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(line);
            used += entry;
        }
        rows.add(row);
        return rows;
    }

    private static int legendEntryWidth(FontMetrics metrics, Series line) {
        return LEGEND_SWATCH + 6 + metrics.stringWidth(line.label()) + 24;
    }

    private static int legendLineHeight(FontMetrics metrics) {
        return metrics.getHeight() + 4;
    }

    private double min(boolean horizontal) {
        double min = Double.POSITIVE_INFINITY;
        for (Series line : series) {
            for (double value : horizontal ? line.x() : line.y()) {
                min = Math.min(min, value);
            }
        }
        return min;
    }

    private double max(boolean horizontal) {
        double max = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            for (double value : horizontal ? line.x() : line.y()) {
                max = Math.max(max, value);
            }
        }
        return max;
    }

    /**
     * Round ticks covering {@code [min, max]}: multiples of 1, 2 or 5 times a power of ten, about
     * five of them, the first at or below {@code min} and the last at or above {@code max}.
     */
    static double[] niceTicks(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("cannot draw ticks from " + min + " to " + max);
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double rough = (max - min) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = power * 10;
        for (double multiple : new double[] {1, 2, 5}) {
            if (multiple * power >= rough) {
                step = multiple * power;
                break;
            }
        }
        double first = Math.floor(min / step) * step;
        double last = Math.ceil(max / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; first + i * step <= last + step * 1e-9; i++) {
            ticks.add(first + i * step);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? Long.toString(Math.round(value))
                : String.format(java.util.Locale.ROOT, "%.2g", value);
    }

    /** A linear map from data values to pixels. */
    private record Scale(double from, double to, double fromPixel, double toPixel) {
        double apply(double value) {
            return fromPixel + (value - from) / (to - from) * (toPixel - fromPixel);
        }
    }
}
