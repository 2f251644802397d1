package dev.filtre.runtime.train;

import dev.filtre.dsl.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Data parallelism with reproducible results: a batch of {@code n} samples is cut into one
 * contiguous chunk per worker ({@code [w n / t, (w + 1) n / t)} for worker {@code w} of {@code t}),
 * each worker accumulates its chunk's gradients in its own model instance, and
 * {@link #reduceGradients()} adds workers 1, 2, ... to worker 0's (the trained model's) in that
 * fixed order. Floating-point sums therefore depend on the thread count but not on timing: the
 * same seed and thread count give the same run, bit for bit.
 */
final class Workers implements AutoCloseable {
    /** What a worker does with its chunk of positions {@code [from, to)}. */
    @FunctionalInterface
    interface ChunkTask {
        void run(Worker worker, int from, int to);
    }

    private final List<Worker> workers = new ArrayList<>();
    private final ExecutorService executor;

    Workers(Model model, int threads) {
        workers.add(new Worker(model));
        for (int w = 1; w < threads; w++) {
            workers.add(new Worker(model.replica()));
        }
        executor = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "filtre-trainer");
            thread.setDaemon(true);
            return thread;
        });
    }

    List<Worker> all() {
        return workers;
    }

    void setTraining(boolean training) {
        for (Worker worker : workers) {
            worker.model.setTraining(training);
        }
    }

    /**
     * Runs {@code task} on every worker's chunk of {@code [0, count)}, worker 0 on the calling
     * thread, and waits for all. When chunks fail, rethrows the failure of the lowest worker.
     */
    void run(int count, ChunkTask task) {
        int threads = workers.size();
        if (threads == 1) {
            task.run(workers.get(0), 0, count);
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 1; w < threads; w++) {
            Worker worker = workers.get(w);
            int from = (int) ((long) w * count / threads);
            int to = (int) ((long) (w + 1) * count / threads);
            futures.add(executor.submit(() -> task.run(worker, from, to)));
        }
        RuntimeException failure = null;
        try {
            task.run(workers.get(0), 0, (int) ((long) count / threads));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Adds every other worker's gradients to worker 0's, in worker order. */
    void reduceGradients() {
        float[] total = workers.get(0).model.gradients();
        for (int w = 1; w < workers.size(); w++) {
            float[] part = workers.get(w).model.gradients();
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
