package dev.filtre.bench;

import ai.onnxruntime.OrtException;
import dev.filtre.dsl.Model;
import dev.filtre.runtime.io.SafeTensors;
import dev.filtre.runtime.io.SafeTensorsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Before anything is timed, checks that the three implementations compute the same function: the
 * generated model loaded with PyTorch's weights ({@code <id>.safetensors}) gives PyTorch's
 * probabilities for the inputs of {@code <id>.check.safetensors}, and ONNX Runtime on {@code
 * <id>.onnx} gives Filtre's, each within {@value #TOLERANCE}.
 */
final class ReferenceCheck {
    /** The largest absolute difference of probabilities accepted between two implementations. */
    static final double TOLERANCE = 1e-4;

    /**
     * One comparison.
     *
     * @param what what was compared with what
     * @param maxDifference the largest absolute difference over every output value
     */
    record Agreement(String what, double maxDifference) {
        boolean agrees() {
            return maxDifference <= TOLERANCE;
        }

        String line() {
            return String.format(Locale.ROOT, "# check %s: max |difference| %.2e (tolerance %.0e) %s", what,
                    maxDifference, TOLERANCE, agrees() ? "OK" : "MISMATCH");
        }
    }

    private final Path directory;

    ReferenceCheck(Path directory) {
        this.directory = directory;
    }

    /** Filtre against PyTorch, then ONNX Runtime at each thread count against Filtre. */
    List<Agreement> check(BenchNetwork network, int[] threadCounts) throws IOException, OrtException {
        SafeTensorsFile check = SafeTensorsFile.read(directory.resolve(network.id() + ".check.safetensors"));
        float[] inputs = check.floats("input");
        float[] pytorch = check.floats("probabilities");

        Model model = network.newModel(0);
        SafeTensors.load(model, directory.resolve(network.id() + ".safetensors"));
        model.setTraining(false);
        int samples = inputs.length / model.inputSize();
        float[] filtre = new float[samples * model.outputSize()];
        model.forwardBatch(inputs, samples, filtre);

        List<Agreement> agreements = new ArrayList<>();
        agreements.add(new Agreement(network.id() + " Filtre (PyTorch's weights) vs PyTorch",
                maxDifference(filtre, pytorch)));
        for (int threads : threadCounts) {
            try (OnnxRuntimeModel onnx = new OnnxRuntimeModel(directory.resolve(network.id() + ".onnx"), threads,
                    model.inputShape())) {
                agreements.add(new Agreement(network.id() + " ONNX Runtime (" + threads + " thread(s)) vs Filtre",
                        maxDifference(onnx.run(inputs, samples), filtre)));
            }
        }
        return agreements;
    }

    static double maxDifference(float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            throw new IllegalArgumentException(actual.length + " values compared with " + expected.length);
        }
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            double difference = Math.abs((double) actual[i] - expected[i]);
            max = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : Math.max(max, difference);
        }
        return max;
    }
}
