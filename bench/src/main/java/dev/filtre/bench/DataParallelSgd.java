package dev.filtre.bench;

import dev.filtre.dsl.Model;
import dev.filtre.kernels.Team;

/**
 * Mini-batch training of a generated model through the {@link Model} contract alone, on one or
 * more threads: softmax + cross-entropy, SGD with momentum as PyTorch defines it ({@code v = m v +
 * g; p -= lr v}, no dampening, no weight decay).
 *
 * <p>With {@code n} threads each worker owns a {@link Model#replica() replica} (shared parameters,
 * own buffers and gradients) and runs its slice of the batch as one batch pass ({@link
 * Model#forwardBatch(float[], int, int, long[])}), feeding {@link Model#backwardBatchFromLogits} the
 * fused loss gradient {@code (softmax - onehot) / batch}; then
 * each worker sums the replicas' gradients over its slice of the parameters and applies the update
 * there. A step allocates nothing.
 */
final class DataParallelSgd implements AutoCloseable {
    private final Model[] replicas;
    private final WorkerGang gang;
    private final float learningRate;
    private final float momentum;
    private final float[] parameters;
    private final float[][] gradients;
    private final float[] velocity;
    /** Each worker's dL/d logits for its slice of the batch; grows on the first step. */
    private final float[][] gradLogits;
    private final double[] losses;
    private final Team.Part forwardAndBackward = this::forwardAndBackward;
    private final Team.Part update = this::update;

    private float[] inputs;
    private int[] labels;
    private int firstSample;
    private int batch;

    /**
     * Prepares {@code threads} workers for {@code model}, which is put in training mode.
     *
     * @param dropoutSeed seeds worker {@code w}'s dropout masks with {@code dropoutSeed + w}
     */
    DataParallelSgd(Model model, int threads, float learningRate, float momentum, long dropoutSeed) {
        this.gang = new WorkerGang(threads);
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.replicas = new Model[threads];
        this.gradients = new float[threads][];
        this.gradLogits = new float[threads][0];
        this.losses = new double[threads];
        for (int w = 0; w < threads; w++) {
            replicas[w] = w == 0 ? model : model.replica();
            replicas[w].setTraining(true);
            replicas[w].seedDropout(dropoutSeed + w);
            gradients[w] = replicas[w].gradients();
        }
        this.parameters = model.parameters();
        this.velocity = new float[parameters.length];
    }

    /** The threads of the gang other than the caller, for allocation counting. */
    long[] workerThreadIds() {
        return gang.threadIds();
    }

    /**
     * One SGD step on samples {@code first .. first + batch - 1} of {@code inputs} (one sample of
     * {@code model.inputSize()} values after the other) with class {@code labels}.
     *
     * @return the batch's mean cross-entropy before the step
     */
    double step(float[] inputs, int[] labels, int first, int batch) {
        this.inputs = inputs;
        this.labels = labels;
        this.firstSample = first;
        this.batch = batch;
        gang.run(forwardAndBackward);
        gang.run(update);
        double loss = 0;
        for (double part : losses) {
            loss += part;
        }
        return loss / batch;
    }

    private void forwardAndBackward(int worker, int workers) {
        Model model = replicas[worker];
        int classes = model.outputSize();
        int from = firstSample + slice(batch, worker, replicas.length);
        int to = firstSample + slice(batch, worker + 1, replicas.length);
        int count = to - from;
        float scale = 1f / batch;
        double loss = 0;
        model.zeroGradients();
        if (count == 0) {
            losses[worker] = 0;
            return;
        }
        if (gradLogits[worker].length < count * classes) {
            gradLogits[worker] = new float[count * classes];
        }
        float[] gradient = gradLogits[worker];
        float[] probabilities = model.forwardBatch(inputs, from * model.inputSize(), count, null);
        float[] logits = model.batchLogits();
        for (int n = 0; n < count; n++) {
            int label = labels[from + n];
            loss += crossEntropy(logits, n * classes, classes, label);
            for (int k = 0; k < classes; k++) {
                gradient[n * classes + k] = (probabilities[n * classes + k] - (k == label ? 1f : 0f)) * scale;
            }
        }
        model.backwardBatchFromLogits(gradient, 0, count);
        losses[worker] = loss;
    }

    private void update(int worker, int workers) {
        int from = slice(parameters.length, worker, replicas.length);
        int to = slice(parameters.length, worker + 1, replicas.length);
        for (int i = from; i < to; i++) {
            float gradient = 0;
            for (float[] replicaGradients : gradients) {
                gradient += replicaGradients[i];
            }
            float v = momentum * velocity[i] + gradient;
            velocity[i] = v;
            parameters[i] -= learningRate * v;
        }
    }

    /** {@code -log softmax(logits)[label]} of the sample whose logits start at {@code offset}, computed stably. */
    private static double crossEntropy(float[] logits, int offset, int classes, int label) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp(logits[offset + k] - max);
        }
        return Math.log(sum) + max - logits[offset + label];
    }

    /** Where part {@code part} of {@code count} items cut in {@code parts} starts. */
    static int slice(int count, int part, int parts) {
        return (int) ((long) count * part / parts);
    }

    @Override
    public void close() {
        gang.close();
    }
}
