package dev.filtre.runtime.train;

import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;

/**
 * Stochastic gradient descent with momentum and weight decay, exactly as PyTorch's {@code
 * torch.optim.SGD} (no dampening, no Nesterov):
 *
 * <pre>
 * g = grad + λ p        (λ: weight decay; for weights only, see below)
 * v = μ v + g           (μ: momentum; v starts at 0, so the first v is g)
 * p = p - η v           (η: learning rate)
 * </pre>
 *
 * <p><b>Weight decay is L2 regularization in the gradient</b> (PyTorch SGD's {@code
 * weight_decay}), not decoupled weight decay (AdamW style): it adds {@code λ p} to the gradient
 * before momentum. It applies to the weights of each layer only, not to biases, unless {@link
 * #decayBiases(boolean) decayBiases(true)}; the layers' {@link Layer#weightOffset()} and
 * {@link Layer#weightShape()} say which parameters are weights. Arithmetic is float32, as PyTorch's.
 *
 * <p>Settings are immutable: {@link #momentum(double)}, {@link #weightDecay(double)} and
 * {@link #decayBiases(boolean)} each return a new optimizer. The momentum buffer
 * is state of the instance that steps, created at its first {@link #step(Model, double)} for that
 * model's parameters; stepping another model with the same instance is an error.
 *
 * <pre>{@code
 * Sgd.withLearningRate(0.05).momentum(0.9).weightDecay(5e-4)
 * }</pre>
 */
public final class Sgd implements ElementwiseOptimizer {
    private final double learningRate;
    private final double momentum;
    private final double weightDecay;
    private final boolean decayBiases;

    private float[] parameters;
    private float[] velocity;
    private boolean[] decayed;
    /** Where the runs of parameters decayed alike start, and the end of the last one. */
    private int[] runs;
    /** The rate of the step begun last. */
    private float eta;

    private Sgd(double learningRate, double momentum, double weightDecay, boolean decayBiases) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " must be positive and finite");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum " + momentum + " must be in [0, 1)");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay " + weightDecay + " must be non-negative and finite");
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.decayBiases = decayBiases;
    }

    /** Plain SGD, {@code p -= η grad}: no momentum, no weight decay. */
    public static Sgd withLearningRate(double learningRate) {
        return new Sgd(learningRate, 0, 0, false);
    }

    /** The same with momentum μ in {@code [0, 1)}; 0.9 is usual. */
    public Sgd momentum(double momentum) {
        return new Sgd(learningRate, momentum, weightDecay, decayBiases);
    }

    /** The same with L2 weight decay λ ≥ 0 on the weights; 5e-4 is usual for CNNs. */
    public Sgd weightDecay(double weightDecay) {
        return new Sgd(learningRate, momentum, weightDecay, decayBiases);
    }

    /** The same, also decaying biases when {@code decay} (PyTorch's default with one param group). */
    public Sgd decayBiases(boolean decay) {
        return new Sgd(learningRate, momentum, weightDecay, decay);
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    /** The momentum μ. */
    public double momentum() {
        return momentum;
    }

    /** The weight decay λ. */
    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public Sgd fresh() {
        return new Sgd(learningRate, momentum, weightDecay, decayBiases);
    }

    @Override
    public void beginStep(Model model, double rate) {
        bind(model, model.parameters());
        eta = (float) rate;
    }

    @Override
    public void update(Model model, int from, int to) {
        float[] p = model.parameters();
        float[] g = model.gradients();
        if (p != parameters) {
            throw new IllegalStateException("update of " + model.name() + " without its beginStep");
        }
        float eta = this.eta;
        float mu = (float) momentum;
        float lambda = (float) weightDecay;
        // runs of parameters decayed alike, each a loop without a branch that C2 vectorizes (one
        // loop with a per-parameter test ran at 0.9 ns a parameter)
        for (int run = 0; run + 1 < runs.length; run++) {
            int start = Math.max(from, runs[run]);
            int end = Math.min(to, runs[run + 1]);
            if (start >= end) {
                continue;
            }
            boolean decay = decayed[start];
            if (velocity == null) {
                if (decay) {
                    for (int i = start; i < end; i++) {
                        p[i] -= eta * (g[i] + lambda * p[i]);
                    }
                } else {
                    for (int i = start; i < end; i++) {
                        p[i] -= eta * g[i];
                    }
                }
            } else if (decay) {
                for (int i = start; i < end; i++) {
                    velocity[i] = mu * velocity[i] + (g[i] + lambda * p[i]);
                    p[i] -= eta * velocity[i];
                }
            } else {
                for (int i = start; i < end; i++) {
                    velocity[i] = mu * velocity[i] + g[i];
                    p[i] -= eta * velocity[i];
                }
            }
        }
    }

    private void bind(Model model, float[] p) {
        if (parameters == p) {
            return;
        }
        if (parameters != null) {
            throw new IllegalStateException("this Sgd holds the momentum of another model; use one optimizer per model"
                    + " (Sgd.fresh() gives a new one with the same settings)");
        }
        parameters = p;
        velocity = momentum > 0 ? new float[p.length] : null;
        decayed = new boolean[p.length];
        if (weightDecay > 0) {
            for (Layer layer : model.layers()) {
                mark(layer.weightOffset(), layer.weightShape());
                if (decayBiases) {
                    mark(layer.biasOffset(), layer.biasShape());
                }
            }
        }
        runs = runsOf(decayed);
    }

    /** 0, each index where {@code decayed} changes, and its length: the bounds of its runs. */
    private static int[] runsOf(boolean[] decayed) {
        int[] bounds = new int[decayed.length + 1];
        int count = 0;
        bounds[count++] = 0;
        for (int i = 1; i < decayed.length; i++) {
            if (decayed[i] != decayed[i - 1]) {
                bounds[count++] = i;
            }
        }
        if (decayed.length > 0) {
            bounds[count++] = decayed.length;
        }
        return java.util.Arrays.copyOf(bounds, count);
    }

    private void mark(int offset, int[] shape) {
        if (shape.length == 0) {
            return;
        }
        int count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        for (int i = 0; i < count; i++) {
            decayed[offset + i] = true;
        }
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate + ", momentum=" + momentum + ", weight_decay=" + weightDecay
                + (decayBiases ? " incl. biases" : "") + ")";
    }
}
