package dev.filtre.runtime.train;

import dev.filtre.dsl.Model;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Data parallelism with reproducible results: a batch of {@code n} samples is cut into one
 * contiguous chunk per worker ({@code [w n / t, (w + 1) n / t)} for worker {@code w} of {@code t}),
 * each worker accumulates its chunk's gradients in its own model instance, and
 * {@link #reduceGradients()} adds workers 1, 2, ... to worker 0's (the trained model's) in that
 * fixed order. Floating-point sums therefore depend on the thread count but not on timing: the
 * same seed and thread count give the same run, bit for bit.
 *
 * <p>Worker 0 runs on the calling thread; workers 1 to {@code t - 1} each own a daemon thread,
 * started once and kept until {@link #close()}. Handing out a chunk allocates nothing, so a training
 * step allocates only what its task does. Waiting threads spin for {@link #SPIN_NANOS} before they
 * {@link LockSupport#park(Object) park}: a helper for the next round (which comes within that time
 * when steps follow each other: the gradient sum and the update take tens of microseconds) and the
 * caller for the helpers' chunks (which end within that time of its own when the chunks are even).
 * A parked thread's wake-up costs tens of microseconds under a hypervisor; two of them a step were
 * 6% of LeNet-5's two-thread training step. With more threads than processors a spinning thread
 * would hold a core another one needs, so then they park at once.
 */
final class Workers implements AutoCloseable {
    /** How long a waiting thread watches for its event before it parks: 200 µs. */
    static final long SPIN_NANOS = 200_000;

    /** {@link #SPIN_NANOS}, or 0 when there are more threads than processors. */
    private final long spinNanos;

    /** What a worker does with its chunk of positions {@code [from, to)}. */
    @FunctionalInterface
    interface ChunkTask {
        void run(Worker worker, int from, int to);
    }

    private final Worker[] workers;
    private final Thread[] threads;
    /** What each started thread threw in the current round, by worker index (index 0 unused). */
    private final Throwable[] failures;
    private final AtomicInteger pending = new AtomicInteger();
    private ChunkTask task;
    private int count;
    private Thread caller;
    /** Incremented to start a round; the volatile write publishes {@code task}, {@code count} and {@code caller}. */
    private volatile int round;
    private volatile boolean closed;

    private final ReplicaPool replicas;

    /**
     * Workers for {@code model} (worker 0) and {@code threads - 1} replicas taken from {@code
     * replicas}, each with a started thread; {@link #close()} gives the replicas back.
     */
    Workers(Model model, ReplicaPool replicas, int threads) {
        this.replicas = replicas;
        workers = new Worker[threads];
        workers[0] = new Worker(model);
        for (int w = 1; w < threads; w++) {
            workers[w] = new Worker(replicas.take());
        }
        failures = new Throwable[threads];
        spinNanos = spinNanos(threads, Runtime.getRuntime().availableProcessors());
        this.threads = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            int index = w;
            Thread thread = new Thread(() -> serve(index), "filtre-trainer-" + w);
            thread.setDaemon(true);
            this.threads[w - 1] = thread;
            thread.start();
        }
    }

    /** How long {@code threads} threads on {@code processors} processors spin before they park. */
    static long spinNanos(int threads, int processors) {
        return threads <= processors ? SPIN_NANOS : 0;
    }

    /** The workers, worker 0 (the trained model) first; the array must not be modified. */
    Worker[] all() {
        return workers;
    }

    /** The started threads, workers 1 to {@code t - 1} in order (for allocation counting). */
    Thread[] threads() {
        return threads.clone();
    }

    void setTraining(boolean training) {
        for (Worker worker : workers) {
            worker.model.setTraining(training);
        }
    }

    /**
     * Runs {@code task} on every worker's chunk of {@code [0, count)}, worker 0 on the calling
     * thread, and waits for all. When chunks fail, rethrows the failure of the lowest worker (a
     * checked exception or an error thrown on another thread wrapped in an {@link
     * IllegalStateException}). When the calling thread is interrupted meanwhile, waits for the
     * other workers all the same, then throws an {@link IllegalStateException} with the interrupt
     * status set.
     */
    void run(int count, ChunkTask task) {
        if (closed) {
            throw new IllegalStateException("the workers are closed");
        }
        if (threads.length == 0) {
            task.run(workers[0], 0, count);
            return;
        }
        this.task = task;
        this.count = count;
        this.caller = Thread.currentThread();
        pending.set(threads.length);
        round = round + 1;
        for (Thread thread : threads) {
            LockSupport.unpark(thread);
        }
        RuntimeException failure = null;
        try {
            task.run(workers[0], 0, chunkStart(1, count));
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        long spinUntil = System.nanoTime() + spinNanos;
        while (pending.get() != 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        interrupted |= Thread.interrupted();
        this.task = null;
        for (int w = 1; w < workers.length; w++) {
            Throwable thrown = failures[w];
            failures[w] = null;
            if (failure == null && thrown != null) {
                failure = thrown instanceof RuntimeException r ? r
                        : new IllegalStateException("training thread " + w + " failed: " + thrown, thrown);
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training");
        }
    }

    private int chunkStart(int worker, int count) {
        return (int) ((long) worker * count / workers.length);
    }

    /** The loop of the thread of worker {@code w}: one chunk per round until closed. */
    private void serve(int w) {
        int seen = 0;
        while (true) {
            long spinUntil = System.nanoTime() + spinNanos;
            while (round == seen && !closed) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = round;
            try {
                task.run(workers[w], chunkStart(w, count), chunkStart(w + 1, count));
            } catch (Throwable thrown) {
                failures[w] = thrown;
            }
            Thread waiting = caller;
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(waiting);
            }
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

    /** The parameters are shared out for the update in blocks of this many, a multiple of a vector's lanes. */
    static final int UPDATE_BLOCK = 64;

    private final SharedUpdate sharedUpdate = new SharedUpdate();

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
        for (Thread thread : threads) {
            LockSupport.unpark(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (int w = 1; w < workers.length; w++) {
            replicas.giveBack(workers[w].model);
        }
    }
}
