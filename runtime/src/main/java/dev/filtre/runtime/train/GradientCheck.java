package dev.filtre.runtime.train;

import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;
import dev.filtre.runtime.data.DataSet;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares a model's analytic gradients (its backward pass) with central finite differences
 * {@code (L(p + h) - L(p - h)) / 2h} of the mean loss over a small batch.
 *
 * <p>Models compute in float32, which makes one step size never right for every value: a large
 * step crosses the kinks of ReLU and max pooling (where the numeric derivative is wrong), a small
 * one drowns in rounding (about 1e-7 of the loss, divided by {@code 2h}). So each value is
 * differenced with three steps, {@code h = ε, ε/3, ε/10} (ε = 3e-3 by default), and compared with
 * the estimate closest to the analytic gradient: a kink spoils only the larger steps, rounding
 * only the smaller ones, while a wrong backward pass (a missing factor, a misplaced index)
 * disagrees with all three. The comparison is the relative error {@code |analytic - numeric| /
 * max(|analytic|, |numeric|, floor)}, where the floor keeps near-zero gradients from producing
 * huge ratios out of rounding noise. The loss is accumulated in double, and the step actually
 * taken is {@code (float)(p + h) - (float)(p - h)}, not {@code 2h}.
 *
 * <p>In training mode, dropout's mask is fixed: every forward pass of sample {@code i} is preceded
 * by {@code seedDropout(dropoutSeed + i)}.
 *
 * <pre>{@code
 * GradientCheck.Report report = GradientCheck.of(model).check(batch);
 * assertTrue(report.passed(), report::toString);
 * }</pre>
 */
public final class GradientCheck {
    /**
     * What a check found.
     *
     * @param checked the number of values compared
     * @param worstValue the value with the largest relative error, e.g. {@code conv1.weight[1, 0, 2, 2]}
     * @param analytic its gradient from the backward pass
     * @param numeric its finite-difference gradient (the estimate closest to {@code analytic})
     * @param worstError the largest relative error
     * @param tolerance the largest relative error allowed
     */
    public record Report(int checked, String worstValue, double analytic, double numeric, double worstError,
            double tolerance) {
        /** True when every relative error is within the tolerance. */
        public boolean passed() {
            return worstError <= tolerance;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d values checked, worst %s: analytic %.6g, numeric %.6g,"
                    + " relative error %.3g (tolerance %.3g)", passed() ? "passed" : "FAILED", checked, worstValue,
                    analytic, numeric, worstError, tolerance);
        }
    }

    /** The step sizes are ε divided by these. */
    private static final double[] STEP_DIVISORS = {1, 3, 10};

    private final Model model;
    private final Loss loss;
    private final double epsilon;
    private final double tolerance;
    private final double floor;
    private final int maxPerTensor;
    private final long dropoutSeed;

    private GradientCheck(Model model, Loss loss, double epsilon, double tolerance, double floor, int maxPerTensor,
            long dropoutSeed) {
        this.model = model;
        this.loss = loss;
        this.epsilon = epsilon;
        this.tolerance = tolerance;
        this.floor = floor;
        this.maxPerTensor = maxPerTensor;
        this.dropoutSeed = dropoutSeed;
    }

    /**
     * A check of {@code model} with softmax cross-entropy, ε = 3e-3, tolerance 1e-2, floor 1e-2,
     * every parameter, dropout seed 0.
     */
    public static GradientCheck of(Model model) {
        return new GradientCheck(model, Loss.softmaxCrossEntropy(), 3e-3, 1e-2, 1e-2, Integer.MAX_VALUE, 0);
    }

    /** With another loss. */
    public GradientCheck loss(Loss loss) {
        return new GradientCheck(model, loss, epsilon, tolerance, floor, maxPerTensor, dropoutSeed);
    }

    /** With another largest finite-difference step ε (the others are ε/3 and ε/10). */
    public GradientCheck epsilon(double epsilon) {
        return new GradientCheck(model, loss, epsilon, tolerance, floor, maxPerTensor, dropoutSeed);
    }

    /** With another largest relative error allowed. */
    public GradientCheck tolerance(double tolerance) {
        return new GradientCheck(model, loss, epsilon, tolerance, floor, maxPerTensor, dropoutSeed);
    }

    /** With another floor of the relative error's denominator. */
    public GradientCheck floor(double floor) {
        return new GradientCheck(model, loss, epsilon, tolerance, floor, maxPerTensor, dropoutSeed);
    }

    /** Checks at most {@code count} evenly spaced values of each weight or bias tensor. */
    public GradientCheck maxPerTensor(int count) {
        return new GradientCheck(model, loss, epsilon, tolerance, floor, count, dropoutSeed);
    }

    /** With another seed for the fixed dropout masks. */
    public GradientCheck dropoutSeed(long seed) {
        return new GradientCheck(model, loss, epsilon, tolerance, floor, maxPerTensor, seed);
    }

    /** Checks the gradients of every layer's weights and bias for the mean loss over {@code batch}. */
    public Report check(DataSet batch) {
        model.zeroGradients();
        analyticPass(batch);
        float[] analytic = model.gradients().clone();
        float[] parameters = model.parameters();
        Worst worst = new Worst();
        for (Layer layer : model.layers()) {
            if (layer.parameterCount() == 0) {
                continue;
            }
            checkTensor(batch, parameters, analytic, layer.name() + ".weight", layer.weightShape(), layer.weightOffset(),
                    worst);
            checkTensor(batch, parameters, analytic, layer.name() + ".bias", layer.biasShape(), layer.biasOffset(), worst);
        }
        return worst.report();
    }

    /**
     * Checks {@link Model#inputGradient()}, dL/d input, for one sample of {@code data} (every input
     * value, or {@link #maxPerTensor(int)} of them).
     */
    public Report checkInput(DataSet data, int sample) {
        DataSet one = data.subset(new int[] {sample});
        model.zeroGradients();
        analyticPass(one);
        float[] analytic = model.inputGradient().clone();
        float[] input = one.inputs();
        Worst worst = new Worst();
        for (int i : selected(input.length)) {
            worst.offer("input" + Arrays.toString(unravel(i, data.sampleShape())), analytic[i],
                    numericDerivatives(one, input, i));
        }
        return worst.report();
    }

    private void checkTensor(DataSet batch, float[] parameters, float[] analytic, String name, int[] shape, int offset,
            Worst worst) {
        int count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        for (int i : selected(count)) {
            worst.offer(name + Arrays.toString(unravel(i, shape)), analytic[offset + i],
                    numericDerivatives(batch, parameters, offset + i));
        }
    }

    /** The central differences of the mean loss in {@code values[index]}, one per step size. */
    private double[] numericDerivatives(DataSet batch, float[] values, int index) {
        double[] derivatives = new double[STEP_DIVISORS.length];
        float original = values[index];
        for (int k = 0; k < STEP_DIVISORS.length; k++) {
            double step = epsilon / STEP_DIVISORS[k];
            float plus = (float) (original + step);
            float minus = (float) (original - step);
            values[index] = plus;
            double lossPlus = meanLoss(batch);
            values[index] = minus;
            double lossMinus = meanLoss(batch);
            values[index] = original;
            derivatives[k] = (lossPlus - lossMinus) / ((double) plus - minus);
        }
        return derivatives;
    }

    private int[] selected(int count) {
        int chosen = Math.min(count, maxPerTensor);
        int[] indices = new int[chosen];
        for (int k = 0; k < chosen; k++) {
            indices[k] = (int) ((long) k * count / chosen);
        }
        return indices;
    }

    private void analyticPass(DataSet batch) {
        float[] gradient = new float[model.outputSize()];
        for (int n = 0; n < batch.size(); n++) {
            float[] values = forward(batch, n);
            loss.sampleLoss(values, model.outputSize(), batch, n, gradient, 1.0 / batch.size());
            if (loss.readsLogits()) {
                model.backwardFromLogits(gradient, 0);
            } else {
                model.backward(gradient, 0);
            }
        }
    }

    private double meanLoss(DataSet batch) {
        float[] gradient = new float[model.outputSize()];
        double total = 0;
        for (int n = 0; n < batch.size(); n++) {
            total += loss.sampleLoss(forward(batch, n), model.outputSize(), batch, n, gradient, 1);
        }
        return total / batch.size();
    }

    private float[] forward(DataSet batch, int n) {
        model.seedDropout(dropoutSeed + n);
        float[] output = model.forward(batch.inputs(), batch.inputOffset(n));
        return loss.readsLogits() ? model.logits() : output;
    }

    private static int[] unravel(int index, int[] shape) {
        int[] position = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            position[d] = index % shape[d];
            index /= shape[d];
        }
        return position;
    }

    /** The value with the largest relative error so far. */
    private final class Worst {
        private int checked;
        private String name = "none";
        private double analytic;
        private double numeric;
        private double error = -1;

        /** Compares with the estimate closest to the analytic gradient. */
        void offer(String candidate, double candidateAnalytic, double[] estimates) {
            checked++;
            double candidateError = Double.POSITIVE_INFINITY;
            double candidateNumeric = Double.NaN;
            for (double estimate : estimates) {
                double estimateError = Math.abs(candidateAnalytic - estimate)
                        / Math.max(floor, Math.max(Math.abs(candidateAnalytic), Math.abs(estimate)));
                if (estimateError < candidateError) {
                    candidateError = estimateError;
                    candidateNumeric = estimate;
                }
            }
            if (candidateError > error) {
                name = candidate;
                analytic = candidateAnalytic;
                numeric = candidateNumeric;
                error = candidateError;
            }
        }

        Report report() {
            return new Report(checked, name, analytic, numeric, Math.max(error, 0), tolerance);
        }
    }
}
