package dev.filtre.runtime.train;

import dev.filtre.dsl.Model;
import dev.filtre.kernels.Team;

/**
 * Data parallelism with reproducible results: a batch of {@code n} samples is cut into one
 * contiguous chunk per worker ({@code [w n / t, (w + 1) n / t)} for worker {@code w} of {@code t}),
 * each worker accumulates its chunk's gradients in its own model instance, and
 * {@link #reduceGradients()} adds workers 1, 2, ... to worker 0's (the trained model's) in that
 * fixed order. Floating-point sums therefore depend on the thread count but not on timing: the
 * same seed and thread count give the same run, bit for bit. {@link #reduceAndUpdate} makes the
 * same sums and an {@link ElementwiseOptimizer}'s step with every thread on its own blocks of the
 * parameters.
 *
 * <p>Worker 0 runs on the calling thread; workers 1 to {@code t - 1} on the helper threads of a
 * {@link Team}, started once and ended by {@link #close()}. Handing out a chunk allocates nothing,
 * so a training step allocates only what its task does. Waiting threads spin before they park (see
 * {@link Team}): a helper for the next round, which comes within that time when steps follow each
 * other, and the caller for the helpers' chunks, which end within that time of its own when the
 * chunks are even. A parked thread's wake-up costs tens of microseconds under a hypervisor; two of
 * them a step were 6% of LeNet-5's two-thread training step.
 */
final class Workers implements AutoCloseable {
    /** The parameters are shared out for the update in blocks of this many, a multiple of a vector's lanes. */
    static final int UPDATE_BLOCK = 64;

    /** What a worker does with its chunk of positions {@code [from, to)}. */
    @FunctionalInterface
    interface ChunkTask {
        void run(Worker worker, int from, int to);
    }

    private final Worker[] workers;
    /** The helper threads of workers 1 to {@code t - 1}; null for one worker. */
    private final Team team;
    private final ReplicaPool replicas;
    /** The team's task for {@link #run}, and {@link #reduceAndUpdate}'s, made once: a round allocates nothing. */
    private final Round round = new Round();
    private final SharedUpdate sharedUpdate = new SharedUpdate();
    private boolean closed;

    /**
     * Workers for {@code model} (worker 0) and {@code threads - 1} replicas taken from {@code
     * replicas}, with a team of {@code threads} threads; {@link #close()} gives the replicas back.
     */
    Workers(Model model, ReplicaPool replicas, int threads) {
        this.replicas = replicas;
        workers = new Worker[threads];
        workers[0] = new Worker(model);
        for (int w = 1; w < threads; w++) {
            workers[w] = new Worker(replicas.take());
        }
        team = threads > 1 ? Team.of(threads, "filtre-trainer") : null;
    }

    /** The workers, worker 0 (the trained model) first; the array must not be modified. */
    Worker[] all() {
        return workers;
    }

    /** The ids of the helper threads, workers 1 to {@code t - 1} in order (for allocation counting). */
    long[] threadIds() {
        return team == null ? new long[0] : team.helperThreadIds();
    }

    void setTraining(boolean training) {
        for (Worker worker : workers) {
            worker.model.setTraining(training);
        }
    }

    /**
     * Runs {@code task} on every worker's chunk of {@code [0, count)}, worker 0 on the calling
     * thread, and waits for all. When chunks fail, rethrows the failure of the lowest worker (an
     * error or a checked exception thrown on another thread wrapped in an {@link
     * IllegalStateException} that names the thread). When the calling thread is interrupted
     * meanwhile, waits for the other workers all the same, then throws an {@link
     * IllegalStateException} with the interrupt status set.
     */
    void run(int count, ChunkTask task) {
        if (closed) {
            throw new IllegalStateException("the workers are closed");
        }
        if (team == null) {
            task.run(workers[0], 0, count);
            return;
        }
        round.task = task;
        round.count = count;
        try {
            team.run(round);
        } finally {
            round.task = null;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted while training");
        }
    }

    private int chunkStart(int worker, int count) {
        return (int) ((long) worker * count / workers.length);
    }

    /**
     * One round's work for the team, made once so that a round allocates nothing: part {@code w}
     * runs the task on worker {@code w}'s chunk. The team's hand-off publishes the fields.
     */
    private final class Round implements Team.Part {
        private ChunkTask task;
        private int count;

        @Override
        public void run(int part, int parts) {
            task.run(workers[part], chunkStart(part, count), chunkStart(part + 1, count));
        }
    }

    /** Adds every other worker's gradients to worker 0's, in worker order. */
    void reduceGradients() {
        reduceGradients(0, workers[0].model.gradients().length);
    }

    /** Adds every other worker's gradients {@code [from, to)} to worker 0's, in worker order. */
    private void reduceGradients(int from, int to) {
        float[] total = workers[0].model.gradients();
        for (int w = 1; w < workers.length; w++) {
            float[] part = workers[w].model.gradients();
            for (int i = from; i < to; i++) {
                total[i] += part[i];
            }
        }
    }

    /**
     * {@link #reduceGradients()} then {@code optimizer}'s begun step on worker 0's model, shared out:
     * each thread adds up and updates its own range of the parameters (whole blocks of {@link
     * #UPDATE_BLOCK}). Every parameter's sum is made in the same order as by {@link
     * #reduceGradients()}, so the result is the same, bit for bit.
     */
    void reduceAndUpdate(ElementwiseOptimizer optimizer) {
        sharedUpdate.optimizer = optimizer;
        int parameters = workers[0].model.parameters().length;
        run((parameters + UPDATE_BLOCK - 1) / UPDATE_BLOCK, sharedUpdate);
        sharedUpdate.optimizer = null;
    }

    /** {@link #reduceAndUpdate}'s work on one thread's blocks, made once so that a step allocates nothing. */
    private final class SharedUpdate implements ChunkTask {
        private ElementwiseOptimizer optimizer;

        @Override
        public void run(Worker worker, int fromBlock, int toBlock) {
            Model model = workers[0].model;
            int parameters = model.parameters().length;
            int from = Math.min(parameters, fromBlock * UPDATE_BLOCK);
            int to = Math.min(parameters, toBlock * UPDATE_BLOCK);
            reduceGradients(from, to);
            optimizer.update(model, from, to);
        }
    }

    /**
     * Ends the threads and waits for them to end, so that no thread outlives the {@code fit} or
     * {@code evaluate} that started it (they are idle between rounds, so they end at once), then
     * gives the replicas back to the pool.
     */
    @Override
    public void close() {
        closed = true;
        if (team != null) {
            team.close();
        }
        for (int w = 1; w < workers.length; w++) {
            replicas.giveBack(workers[w].model);
        }
    }
}
