package dev.filtre.processor.check;

import dev.filtre.processor.model.Shape;
import dev.filtre.processor.model.WindowArithmetic;
import dev.filtre.processor.spec.AnnotationSpec;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * Checks a square window (a convolution's filters or a pooling window) sliding over the height
 * and width of a volume: each output side {@code (W - F + 2P) / S + 1} must be positive and, unless
 * the layer floors, whole. Each error shows the arithmetic and suggests values that work for both
 * sides.
 */
final class WindowCheck {
    private final AnnotationSpec annotation;
    private final int size;
    private final int stride;
    private final int pad;
    private final boolean floor;
    private final boolean padded;
    private final boolean strideFollowsSize;

    private WindowCheck(
            AnnotationSpec annotation,
            int size,
            int stride,
            int pad,
            boolean floor,
            boolean padded,
            boolean strideFollowsSize) {
        this.annotation = annotation;
        this.size = size;
        this.stride = stride;
        this.pad = pad;
        this.floor = floor;
        this.padded = padded;
        this.strideFollowsSize = strideFollowsSize;
    }

    /** A convolution's window, which may be padded. */
    static WindowCheck convolution(
            AnnotationSpec annotation, int size, int stride, int pad, boolean floor) {
        return new WindowCheck(annotation, size, stride, pad, floor, true, false);
    }

    /**
     * A pooling window, never padded; {@code strideFollowsSize} when the user left the stride out,
     * so that a different size suggests a different stride too.
     */
    static WindowCheck pooling(
            AnnotationSpec annotation, int size, int stride, boolean floor, boolean strideFollowsSize) {
        return new WindowCheck(annotation, size, stride, 0, floor, false, strideFollowsSize);
    }

    /** Reports each side of {@code input} the window does not fit; true when both fit. */
    boolean fits(Shape input, LayerDiagnostics diagnostics) {
        boolean fits = true;
        for (Side side : sides(input)) {
            int span = WindowArithmetic.span(side.length(), size, pad);
            if (span < 0) {
                reportTooLarge(side, input, diagnostics);
                fits = false;
            } else if (span % stride != 0 && !floor) {
                reportNotWhole(side, span % stride, input, diagnostics);
                fits = false;
            }
        }
        return fits;
    }

    private void reportTooLarge(Side side, Shape input, LayerDiagnostics diagnostics) {
        String exact = decimal(WindowArithmetic.exactOutputSize(side.length(), size, stride, pad));
        String fixes = or(tooLargeFixes(input));
        String attribute = annotation.isWritten("size") ? "size" : "";
        if (padded) {
            diagnostics.onAttribute(
                    Message.CONV_WINDOW_TOO_LARGE, annotation, attribute,
                    diagnostics.layerName(), side.name(), side.length(), size, pad, stride, exact,
                    size, size, side.length(), pad, side.length() + 2 * pad, fixes);
        } else {
            diagnostics.onAttribute(
                    Message.POOL_WINDOW_TOO_LARGE, annotation, attribute,
                    diagnostics.layerName(), side.name(), side.length(), size, stride, exact,
                    size, size, side.length(), fixes);
        }
    }

    private void reportNotWhole(Side side, int leftOver, Shape input, LayerDiagnostics diagnostics) {
        String exact = decimal(WindowArithmetic.exactOutputSize(side.length(), size, stride, pad));
        List<String> fixes = notWholeFixes(input);
        fixes.add("floor = true to drop the last " + side.leftOver(leftOver));
        if (padded) {
            diagnostics.onAttribute(
                    Message.CONV_OUTPUT_NOT_WHOLE, annotation, culprit(),
                    diagnostics.layerName(), side.name(), side.length(), size, pad, stride, exact,
                    or(fixes));
        } else {
            diagnostics.onAttribute(
                    Message.POOL_OUTPUT_NOT_WHOLE, annotation, culprit(),
                    diagnostics.layerName(), side.name(), side.length(), size, stride, exact,
                    or(fixes));
        }
    }

    /** The written attribute most likely to blame for a size that is not whole. */
    private String culprit() {
        for (String attribute : List.of("stride", "size", "pad")) {
            if (annotation.isWritten(attribute)) {
                return attribute;
            }
        }
        return "";
    }

    private List<String> notWholeFixes(Shape input) {
        List<String> fixes = new ArrayList<>();
        int largestSpan = Math.max(input.height(), input.width()) + 2 * pad;
        nearest(stride, 1, largestSpan, s -> s != stride && fitsWholly(input, size, s, pad))
                .ifPresent(s -> fixes.add("stride = " + s));
        if (padded) {
            nearest(pad, 0, pad + stride, p -> p != pad && fitsWholly(input, size, stride, p))
                    .ifPresent(p -> fixes.add("pad = " + p));
        }
        IntPredicate sizeFits = f -> f != size && fitsWholly(input, f, strideFor(f), pad);
        int smallestSide = Math.min(input.height(), input.width()) + 2 * pad;
        // A 1x1 pooling window keeps its input as it is: not a fix worth suggesting.
        int smallestSize = padded ? 1 : 2;
        OptionalInt smaller = largest(smallestSize, size - 1, sizeFits);
        OptionalInt larger = smallest(size + 1, Math.min(smallestSide, size + stride), sizeFits);
        if (smaller.isPresent() && larger.isPresent()) {
            fixes.add("size = " + smaller.getAsInt() + " or " + larger.getAsInt());
        } else if (smaller.isPresent() || larger.isPresent()) {
            fixes.add("size = " + (smaller.isPresent() ? smaller : larger).getAsInt());
        }
        return fixes;
    }

    private List<String> tooLargeFixes(Shape input) {
        List<String> fixes = new ArrayList<>();
        int smallestSide = Math.min(input.height(), input.width());
        int largestWindow = smallestSide + 2 * pad;
        OptionalInt size = largest(1, largestWindow, f -> fitsWholly(input, f, strideFor(f), pad));
        fixes.add("size = " + (size.isPresent() ? size.getAsInt() : largestWindow + " or less"));
        if (padded) {
            int neededPad = (this.size - smallestSide + 1) / 2;
            OptionalInt pad = smallest(
                    neededPad, neededPad + stride, p -> fitsWholly(input, this.size, stride, p));
            fixes.add("pad = " + (pad.isPresent() ? pad.getAsInt() : neededPad + " or more"));
        }
        return fixes;
    }

    private int strideFor(int size) {
        return strideFollowsSize ? size : stride;
    }

    /** True when the window fits both sides with a whole output. */
    private static boolean fitsWholly(Shape input, int size, int stride, int pad) {
        return WindowArithmetic.isWhole(input.height(), size, stride, pad)
                && WindowArithmetic.isWhole(input.width(), size, stride, pad);
    }

    /** The value in {@code [from, to]} closest to {@code target} that passes, the lower on a tie. */
    private static OptionalInt nearest(int target, int from, int to, IntPredicate test) {
        for (int distance = 0; distance <= Math.max(target - from, to - target); distance++) {
            if (target - distance >= from && target - distance <= to && test.test(target - distance)) {
                return OptionalInt.of(target - distance);
            }
            if (target + distance <= to && target + distance >= from && test.test(target + distance)) {
                return OptionalInt.of(target + distance);
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt largest(int from, int to, IntPredicate test) {
        for (int value = to; value >= from; value--) {
            if (test.test(value)) {
                return OptionalInt.of(value);
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt smallest(int from, int to, IntPredicate test) {
        for (int value = Math.max(from, 0); value <= to; value++) {
            if (test.test(value)) {
                return OptionalInt.of(value);
            }
        }
        return OptionalInt.empty();
    }

    private static String or(List<String> fixes) {
        return String.join(", or ", fixes);
    }

    /** {@code 12.5}, {@code 13}, {@code 8.67}: at most two decimals. */
    static String decimal(double value) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** The height and width, named together when they are equal, so that one message covers both. */
    private static List<Side> sides(Shape input) {
        if (input.height() == input.width()) {
            return List.of(new Side("height and width", "row and column", "rows and columns", input.height()));
        }
        return List.of(
                new Side("height", "row", "rows", input.height()),
                new Side("width", "column", "columns", input.width()));
    }

    private record Side(String name, String line, String lines, int length) {
        /** {@code column}, {@code 3 columns}. */
        String leftOver(int count) {
            return count == 1 ? line : count + " " + lines;
        }
    }
}
