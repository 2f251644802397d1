package dev.filtre.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of threads that run one task together, each with its index, and return when all are
 * done: the calling thread is worker 0, started threads are workers 1 to n-1. Handing out a task
 * allocates nothing (threads wait with {@link LockSupport#park}), so a training or inference loop
 * driven by a gang allocates only what its task does.
 */
final class WorkerGang implements AutoCloseable {
    /** Work for one worker of the gang. */
    @FunctionalInterface
    interface Task {
        void run(int worker);
    }

    private final Thread[] threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Task task;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    /** A gang of {@code size} workers: the caller and {@code size - 1} daemon threads. */
    WorkerGang(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a gang needs at least one worker, not " + size);
        }
        threads = new Thread[size - 1];
        for (int i = 0; i < threads.length; i++) {
            int worker = i + 1;
            threads[i] = new Thread(() -> loop(worker), "bench-worker-" + worker);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    /** The number of workers, the caller included. */
    int size() {
        return threads.length + 1;
    }

    /** The ids of the started threads (not the caller's), for allocation counting. */
    long[] threadIds() {
        long[] ids = new long[threads.length];
        for (int i = 0; i < threads.length; i++) {
            ids[i] = threads[i].getId();
        }
        return ids;
    }

    /** Runs {@code work} on every worker and returns when all have finished; rethrows a failure. */
    void run(Task work) {
        if (closed) {
            throw new IllegalStateException("the gang is closed");
        }
        if (threads.length > 0) {
            caller = Thread.currentThread();
            task = work;
            pending.set(threads.length);
            generation = generation + 1;
            for (Thread thread : threads) {
                LockSupport.unpark(thread);
            }
        }
        work.run(0);
        while (pending.get() != 0) {
            LockSupport.park(this);
        }
        Throwable thrown = failure;
        if (thrown != null) {
            failure = null;
            throw new IllegalStateException("a worker of the gang failed: " + thrown, thrown);
        }
    }

    private void loop(int worker) {
        int seen = 0;
        while (true) {
            while (generation == seen && !closed) {
                LockSupport.park(this);
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.run(worker);
            } catch (Throwable thrown) {
                failure = thrown;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread thread : threads) {
            LockSupport.unpark(thread);
        }
    }
}
