package dev.filtre.bench;

import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the multiply-adds of a model's layers from their shapes, so that a speed in images per
 * second can be read as arithmetic throughput (GFLOP/s = 2 x multiply-adds x images/s / 1e9) and
 * set against the machine's matrix-multiply peak.
 *
 * <p>Only layers with weights are counted: a convolution or dense layer does one multiply-add per
 * weight for each output position ({@code filters x channels x k x k x outH x outW} for a
 * convolution, {@code in x out} for a dense layer). Pooling, activations, dropout and softmax are
 * a few percent of the work and are left out, as every FLOP count of CNNs does.
 *
 * <p>A training step per image is counted as the forward pass, the weight gradient (the same
 * count) and the input gradient (the same count), except for the first weighted layer, whose input
 * gradient nobody needs (PyTorch does not compute it).
 */
public final class MultiplyAdds {
    /**
     * The multiply-adds of one layer for one image.
     *
     * @param layer the layer's name, e.g. {@code conv2}
     * @param kind what the layer computes, e.g. {@code Conv 64@3x3 s1 p1 + ReLU}
     * @param forward multiply-adds of the forward pass
     */
    public record LayerCount(String layer, String kind, long forward) {}

    private MultiplyAdds() {}

    /** Each layer's multiply-adds for one image, in order; 0 for layers without weights. */
    public static List<LayerCount> perLayer(Model model) {
        List<LayerCount> counts = new ArrayList<>();
        for (Layer layer : model.layers()) {
            counts.add(new LayerCount(layer.name(), layer.kind(), forward(layer)));
        }
        return counts;
    }

    /** The multiply-adds of one layer's forward pass for one image. */
    public static long forward(Layer layer) {
        long weights = product(layer.weightShape());
        if (weights == 0) {
            return 0;
        }
        int[] output = layer.outputShape();
        long positions = output.length == 3 ? (long) output[1] * output[2] : 1;
        return weights * positions;
    }

    /** The multiply-adds of the forward pass of one image. */
    public static long forward(Model model) {
        long total = 0;
        for (Layer layer : model.layers()) {
            total += forward(layer);
        }
        return total;
    }

    /** The multiply-adds of one image's training step: forward, weight and input gradients. */
    public static long training(Model model) {
        long total = 0;
        boolean first = true;
        for (Layer layer : model.layers()) {
            long forward = forward(layer);
            if (forward == 0) {
                continue;
            }
            total += first ? 2 * forward : 3 * forward;
            first = false;
        }
        return total;
    }

    /** Arithmetic throughput in GFLOP/s of {@code imagesPerSecond} at {@code multiplyAdds} per image. */
    public static double gigaflops(long multiplyAdds, double imagesPerSecond) {
        return 2.0 * multiplyAdds * imagesPerSecond / 1e9;
    }

    private static long product(int[] shape) {
        if (shape.length == 0) {
            return 0;
        }
        long product = 1;
        for (int dimension : shape) {
            product *= dimension;
        }
        return product;
    }
}
