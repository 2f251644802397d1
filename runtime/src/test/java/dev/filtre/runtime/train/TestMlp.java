package dev.filtre.runtime.train;

import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A hand-written implementation of the {@link Model} contract for runtime tests that must not
 * depend on the annotation processor: dense (n to h) + tanh or ReLU, optional inverted dropout,
 * dense (h to k), optional softmax. Written plainly, straight from the definitions.
 */
public final class TestMlp implements Model {
    /** The hidden layer's activation. */
    public enum Activation { TANH, RELU }

    private final int inputs;
    private final int hidden;
    private final int classes;
    private final Activation activation;
    private final double dropRate;
    private final boolean softmax;
    private final float[] parameters;
    private final float[] gradients;
    private final List<Layer> layers = new ArrayList<>();

    private final float[] input;
    private final float[] z1;
    private final float[] a1;
    private final float[] mask;
    private final float[] dropped;
    private final float[] z2;
    private final float[] output;
    private final float[] inputGradient;
    /** Multiplies the output bias's gradient, so that tests can break the backward pass on purpose. */
    float outputBiasGradientFactor = 1;
    private int intraOpThreads = 1;
    private boolean training;
    private float[] batchInputs = new float[0];
    private float[] batchOutputs = new float[0];
    private float[] batchLogits = new float[0];
    private long[] batchSeeds = new long[0];
    private boolean seeded;
    private int lastBatch;
    private SplittableRandom dropoutRandom = new SplittableRandom(0);

    public TestMlp(int inputs, int hidden, int classes, Activation activation, double dropRate, boolean softmax) {
        this(inputs, hidden, classes, activation, dropRate, softmax,
                new float[hidden * inputs + hidden + classes * hidden + classes]);
    }

    private TestMlp(int inputs, int hidden, int classes, Activation activation, double dropRate, boolean softmax,
            float[] parameters) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        this.activation = activation;
        this.dropRate = dropRate;
        this.softmax = softmax;
        this.parameters = parameters;
        this.gradients = new float[parameters.length];
        input = new float[inputs];
        z1 = new float[hidden];
        a1 = new float[hidden];
        mask = new float[hidden];
        dropped = new float[hidden];
        z2 = new float[classes];
        output = new float[classes];
        inputGradient = new float[inputs];
        layers.add(new DenseLayer("hidden", 0, inputs, hidden, 0, "Dense " + hidden + " + " + activation));
        if (dropRate > 0) {
            layers.add(new DenseLayer("drop", 1, hidden, hidden, -1, "Dropout " + dropRate));
        }
        layers.add(new DenseLayer("out", layers.size(), hidden, classes, w2(), "Dense " + classes
                + (softmax ? " + Softmax" : "")));
    }

    private int b1() {
        return hidden * inputs;
    }

    private int w2() {
        return b1() + hidden;
    }

    private int b2() {
        return w2() + classes * hidden;
    }

    @Override
    public String name() {
        return "TestMlp";
    }

    @Override
    public int[] inputShape() {
        return new int[] {inputs};
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int[] outputShape() {
        return new int[] {classes};
    }

    @Override
    public int outputSize() {
        return classes;
    }

    @Override
    public int parameterCount() {
        return parameters.length;
    }

    @Override
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public String summary() {
        return layers.toString();
    }

    @Override
    public boolean endsWithSoftmax() {
        return softmax;
    }

    @Override
    public float[] parameters() {
        return parameters;
    }

    @Override
    public float[] gradients() {
        return gradients;
    }

    @Override
    public void zeroGradients() {
        java.util.Arrays.fill(gradients, 0);
    }

    @Override
    public void initialize(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.Arrays.fill(parameters, 0);
        double limit1 = Math.sqrt(6.0 / (inputs + hidden));
        for (int i = 0; i < b1(); i++) {
            parameters[i] = (float) ((random.nextDouble() * 2 - 1) * limit1);
        }
        double limit2 = Math.sqrt(6.0 / (hidden + classes));
        for (int i = w2(); i < b2(); i++) {
            parameters[i] = (float) ((random.nextDouble() * 2 - 1) * limit2);
        }
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    @Override
    public boolean isTraining() {
        return training;
    }

    /** Recorded only: this hand-written model runs every pass on the caller's thread. */
    @Override
    public void setIntraOpThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("TestMlp: intra-op threads must be 1 or more, not " + threads);
        }
        intraOpThreads = threads;
    }

    @Override
    public int intraOpThreads() {
        return intraOpThreads;
    }

    @Override
    public void seedDropout(long seed) {
        dropoutRandom = new SplittableRandom(seed);
    }

    @Override
    public float[] forward(float[] in, int offset) {
        System.arraycopy(in, offset, input, 0, inputs);
        for (int j = 0; j < hidden; j++) {
            float sum = parameters[b1() + j];
            for (int i = 0; i < inputs; i++) {
                sum += parameters[j * inputs + i] * input[i];
            }
            z1[j] = sum;
            a1[j] = activation == Activation.TANH ? (float) Math.tanh(sum) : Math.max(sum, 0);
            mask[j] = training && dropRate > 0
                    ? (dropoutRandom.nextDouble() < dropRate ? 0 : (float) (1 / (1 - dropRate)))
                    : 1;
            dropped[j] = a1[j] * mask[j];
        }
        for (int k = 0; k < classes; k++) {
            float sum = parameters[b2() + k];
            for (int j = 0; j < hidden; j++) {
                sum += parameters[w2() + k * hidden + j] * dropped[j];
            }
            z2[k] = sum;
        }
        if (softmax) {
            float max = Float.NEGATIVE_INFINITY;
            for (float z : z2) {
                max = Math.max(max, z);
            }
            float total = 0;
            for (int k = 0; k < classes; k++) {
                output[k] = (float) Math.exp(z2[k] - max);
                total += output[k];
            }
            for (int k = 0; k < classes; k++) {
                output[k] /= total;
            }
        } else {
            System.arraycopy(z2, 0, output, 0, classes);
        }
        return output;
    }

    @Override
    public void forward(float[] in, int inputOffset, float[] out, int outputOffset) {
        System.arraycopy(forward(in, inputOffset), 0, out, outputOffset, classes);
    }

    @Override
    public void forwardBatch(float[] in, int batch, float[] out) {
        for (int n = 0; n < batch; n++) {
            forward(in, n * inputs, out, n * classes);
        }
    }

    @Override
    public float[] logits() {
        return z2;
    }

    /**
     * The batch pass of a hand-written model: each sample through the per-sample pass, remembered
     * (inputs and dropout seeds) so that the batch's backward pass can run each sample's forward
     * pass again before its backward pass.
     */
    @Override
    public float[] forwardBatch(float[] in, int offset, int batch, long[] dropoutSeeds) {
        if (batch <= 0) {
            throw new IllegalArgumentException("batch " + batch);
        }
        if (batchInputs.length < batch * inputs) {
            batchInputs = new float[batch * inputs];
            batchOutputs = new float[batch * classes];
            batchLogits = new float[batch * classes];
            batchSeeds = new long[batch];
        }
        System.arraycopy(in, offset, batchInputs, 0, batch * inputs);
        seeded = dropoutSeeds != null;
        if (seeded) {
            System.arraycopy(dropoutSeeds, 0, batchSeeds, 0, batch);
        }
        lastBatch = batch;
        for (int n = 0; n < batch; n++) {
            runSample(n);
            System.arraycopy(output, 0, batchOutputs, n * classes, classes);
            System.arraycopy(z2, 0, batchLogits, n * classes, classes);
        }
        return batchOutputs;
    }

    private void runSample(int n) {
        if (seeded) {
            seedDropout(batchSeeds[n]);
        }
        forward(batchInputs, n * inputs);
    }

    @Override
    public float[] batchLogits() {
        return batchLogits;
    }

    @Override
    public void backwardBatch(float[] gradOutputs, int offset, int batch) {
        backwardEach(gradOutputs, offset, batch, false);
    }

    @Override
    public void backwardBatchFromLogits(float[] gradLogits, int offset, int batch) {
        backwardEach(gradLogits, offset, batch, true);
    }

    private void backwardEach(float[] gradients, int offset, int batch, boolean fromLogits) {
        if (batch != lastBatch) {
            throw new IllegalStateException("backward over " + batch + " samples after a forward pass over "
                    + lastBatch);
        }
        for (int n = 0; n < batch; n++) {
            runSample(n);
            if (fromLogits) {
                backwardFromLogits(gradients, offset + n * classes);
            } else {
                backward(gradients, offset + n * classes);
            }
        }
    }

    @Override
    public void backward(float[] gradOutput, int offset) {
        float[] gradLogits = new float[classes];
        if (softmax) {
            float dot = 0;
            for (int k = 0; k < classes; k++) {
                dot += gradOutput[offset + k] * output[k];
            }
            for (int k = 0; k < classes; k++) {
                gradLogits[k] = output[k] * (gradOutput[offset + k] - dot);
            }
        } else {
            System.arraycopy(gradOutput, offset, gradLogits, 0, classes);
        }
        backwardFromLogits(gradLogits, 0);
    }

    @Override
    public void backwardFromLogits(float[] gradLogits, int offset) {
        float[] gradHidden = new float[hidden];
        for (int k = 0; k < classes; k++) {
            float g = gradLogits[offset + k];
            gradients[b2() + k] += g * outputBiasGradientFactor;
            for (int j = 0; j < hidden; j++) {
                gradients[w2() + k * hidden + j] += g * dropped[j];
                gradHidden[j] += parameters[w2() + k * hidden + j] * g;
            }
        }
        java.util.Arrays.fill(inputGradient, 0);
        for (int j = 0; j < hidden; j++) {
            float derivative = activation == Activation.TANH ? 1 - a1[j] * a1[j] : (z1[j] > 0 ? 1 : 0);
            float g = gradHidden[j] * mask[j] * derivative;
            gradients[b1() + j] += g;
            for (int i = 0; i < inputs; i++) {
                gradients[j * inputs + i] += g * input[i];
                inputGradient[i] += parameters[j * inputs + i] * g;
            }
        }
    }

    @Override
    public float[] inputGradient() {
        return inputGradient;
    }

    @Override
    public int firstNonFiniteLayer() {
        if (!allFinite(a1)) {
            return 0;
        }
        if (dropRate > 0 && !allFinite(dropped)) {
            return 1;
        }
        return allFinite(output) ? -1 : layers.size() - 1;
    }

    private static boolean allFinite(float[] values) {
        for (float value : values) {
            if (!Float.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Model replica() {
        TestMlp replica = new TestMlp(inputs, hidden, classes, activation, dropRate, softmax, parameters);
        replica.training = training;
        return replica;
    }

    /** A dense layer (weights at {@code weightOffset}, bias after them) or, with offset -1, dropout. */
    private final class DenseLayer implements Layer {
        private final String name;
        private final int index;
        private final int in;
        private final int out;
        private final int weightOffset;
        private final String kind;

        DenseLayer(String name, int index, int in, int out, int weightOffset, String kind) {
            this.name = name;
            this.index = index;
            this.in = in;
            this.out = out;
            this.weightOffset = weightOffset;
            this.kind = kind;
        }

        private boolean hasParameters() {
            return weightOffset >= 0;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public int[] inputShape() {
            return new int[] {in};
        }

        @Override
        public int[] outputShape() {
            return new int[] {out};
        }

        @Override
        public int parameterCount() {
            return hasParameters() ? in * out + out : 0;
        }

        @Override
        public int[] weightShape() {
            return hasParameters() ? new int[] {out, in} : new int[0];
        }

        @Override
        public int[] biasShape() {
            return hasParameters() ? new int[] {out} : new int[0];
        }

        @Override
        public float[] weights() {
            return hasParameters() ? java.util.Arrays.copyOfRange(parameters, weightOffset, weightOffset + in * out)
                    : new float[0];
        }

        @Override
        public float[] bias() {
            return hasParameters() ? java.util.Arrays.copyOfRange(parameters, biasOffset(), biasOffset() + out)
                    : new float[0];
        }

        @Override
        public void setWeights(float... weights) {
            if (weights.length != (hasParameters() ? in * out : 0)) {
                throw new IllegalArgumentException(name + ": wrong weight count " + weights.length);
            }
            System.arraycopy(weights, 0, parameters, Math.max(weightOffset, 0), weights.length);
        }

        @Override
        public void setBias(float... bias) {
            if (bias.length != (hasParameters() ? out : 0)) {
                throw new IllegalArgumentException(name + ": wrong bias count " + bias.length);
            }
            System.arraycopy(bias, 0, parameters, Math.max(biasOffset(), 0), bias.length);
        }

        @Override
        public int weightOffset() {
            return hasParameters() ? weightOffset : 0;
        }

        @Override
        public int biasOffset() {
            return hasParameters() ? weightOffset + in * out : 0;
        }
    }
}
