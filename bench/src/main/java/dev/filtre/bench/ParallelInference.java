package dev.filtre.bench;

import dev.filtre.dsl.Model;
import dev.filtre.kernels.Team;

/**
 * Inference of one batch of images on one or more threads: the batch is cut into one slice per
 * worker, each run by its own {@link Model#replica() replica} with
 * {@link Model#forwardBatch(float[], int, float[])}. Slices are copied once, up front, so a run
 * allocates nothing.
 */
final class ParallelInference implements AutoCloseable {
    private final Model[] replicas;
    private final WorkerGang gang;
    private final float[][] inputs;
    private final float[][] outputs;
    private final int[] sizes;
    private final Team.Part runSlice = this::runSlice;

    /** Prepares {@code threads} workers for the first {@code batch} samples of {@code samples}. */
    ParallelInference(Model model, int threads, float[] samples, int batch) {
        this.gang = new WorkerGang(threads);
        this.replicas = new Model[threads];
        this.inputs = new float[threads][];
        this.outputs = new float[threads][];
        this.sizes = new int[threads];
        int inputSize = model.inputSize();
        for (int w = 0; w < threads; w++) {
            replicas[w] = w == 0 ? model : model.replica();
            replicas[w].setTraining(false);
            int from = DataParallelSgd.slice(batch, w, threads);
            sizes[w] = DataParallelSgd.slice(batch, w + 1, threads) - from;
            inputs[w] = new float[sizes[w] * inputSize];
            System.arraycopy(samples, from * inputSize, inputs[w], 0, inputs[w].length);
            outputs[w] = new float[sizes[w] * model.outputSize()];
        }
    }

    /** The threads of the gang other than the caller, for allocation counting. */
    long[] workerThreadIds() {
        return gang.threadIds();
    }

    /** Runs the whole batch through the network once. */
    void run() {
        gang.run(runSlice);
    }

    private void runSlice(int worker, int workers) {
        replicas[worker].forwardBatch(inputs[worker], sizes[worker], outputs[worker]);
    }

    @Override
    public void close() {
        gang.close();
    }
}
