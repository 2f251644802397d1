package dev.filtre.kernels;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that share out one piece of work: the calling thread and {@code size() - 1} helper
 * threads each run their part of a {@link Part}, and {@link #run} returns when every part is done.
 * This is what splits one sample's layers across cores (tasks of a few microseconds) and a training
 * batch across replicas (tasks of milliseconds), where a sleeping thread's wake-up (tens of
 * microseconds under a hypervisor) would cost more than an executor's queue saves: a waiting thread
 * spins for {@link #SPIN_NANOS} before it parks, a helper for the next task (a caller sending
 * sample after sample finds it awake) and the caller for the helpers' parts (which end within that
 * time of its own when the parts are even). With more threads than the machine has processors a
 * spinning thread would hold a core that another one needs, so then they park at once.
 *
 * <p>Handing out a part allocates nothing. Helpers are daemon threads; {@link #close()} stops them
 * and waits for them to end, and so does the collection of the object a team is {@link
 * #closedWhenUnreachable tied to}. One thread at a time may call {@link #run}.
 */
public final class Team implements AutoCloseable {
    /** How long a helper keeps watching for the next task before it parks: 200 µs. */
    public static final long SPIN_NANOS = 200_000;

    /** Work split into parts: {@code run(part, parts)} does part {@code part} of {@code 0 .. parts - 1}. */
    @FunctionalInterface
    public interface Part {
        void run(int part, int parts);
    }

    /** Closes the teams whose owners became unreachable; its thread starts with the first team. */
    private static final Cleaner OWNERS = Cleaner.create();

    private final Helper[] helpers;
    /** {@link #SPIN_NANOS}, or 0 when the team has more threads than processors. */
    private final long spinNanos;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Part task;
    private volatile int generation;
    private volatile boolean closed;
    /** The thread of the current {@link #run}, and whether it parked waiting for the helpers. */
    private volatile Thread caller;
    private volatile boolean callerParked;
    /** Ends the tie to an owner, so that a team closed by hand is not kept for its owner's collection. */
    private volatile Cleaner.Cleanable ownerTie;

    private Team(int size, String name) {
        spinNanos = spinNanos(size, Runtime.getRuntime().availableProcessors());
        helpers = new Helper[size - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(i + 1);
            Thread thread = new Thread(helpers[i], name + "-" + (i + 1));
            thread.setDaemon(true);
            helpers[i].thread = thread;
        }
        for (Helper helper : helpers) {
            helper.thread.start();
        }
    }

    /**
     * A team of {@code size} threads, the caller of {@link #run} included; {@code name} names the
     * helper threads ({@code name-1}, {@code name-2}, ...).
     *
     * @throws IllegalArgumentException when {@code size} is less than 2 (one thread needs no team)
     */
    public static Team of(int size, String name) {
        if (size < 2) {
            throw new IllegalArgumentException("a team shares work between 2 threads or more, not " + size);
        }
        return new Team(size, name);
    }

    /**
     * Ties this team to {@code owner}: the team closes once {@code owner} can no longer be reached,
     * so that an owner dropped without closing its team does not leave threads behind. Returns this
     * team. The team (whose helpers hold it) must not refer to the owner: a {@link Part} is let go
     * when {@link #run} returns.
     */
    public Team closedWhenUnreachable(Object owner) {
        ownerTie = OWNERS.register(owner, this::close);
        return this;
    }

    /** How long the helpers of a team of {@code size} threads on {@code processors} processors spin between tasks. */
    static long spinNanos(int size, int processors) {
        return size <= processors ? SPIN_NANOS : 0;
    }

    /** The number of threads that run a task's parts, the caller included. */
    public int size() {
        return helpers.length + 1;
    }

    /** The ids of the helper threads, parts 1 to {@code size() - 1} in order (to count what they allocate). */
    public long[] helperThreadIds() {
        long[] ids = new long[helpers.length];
        for (int i = 0; i < helpers.length; i++) {
            ids[i] = helpers[i].thread.getId();
        }
        return ids;
    }

    /**
     * Runs part 0 of {@code work} on the calling thread and parts 1 to {@code size() - 1} on the
     * helpers, and returns when all are done. A part's exception reaches the caller once every part
     * has ended: the caller's own, else the lowest failing helper's, a {@link RuntimeException} as it
     * was thrown and anything else wrapped in an {@link IllegalStateException} that names the thread.
     * An interrupt of the caller does not cut the wait short; its status stays set.
     *
     * @throws IllegalStateException when the team is closed
     */
    public void run(Part work) {
        if (closed) {
            throw new IllegalStateException("the team is closed");
        }
        task = work;
        caller = Thread.currentThread();
        pending.set(helpers.length);
        generation = generation + 1;
        for (Helper helper : helpers) {
            if (helper.parked) {
                LockSupport.unpark(helper.thread);
            }
        }
        RuntimeException failed;
        try {
            work.run(0, helpers.length + 1);
        } finally {
            // the helpers' parts use what the caller's part does: let them end before it unwinds
            awaitHelpers();
            task = null;
            caller = null;
            failed = takeFailure();
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * The failure of the lowest helper whose part failed (wrapped, unless a {@link
     * RuntimeException}), or null; clears every helper's.
     */
    private RuntimeException takeFailure() {
        RuntimeException first = null;
        for (Helper helper : helpers) {
            Throwable thrown = helper.failure;
            helper.failure = null;
            if (first == null && thrown != null) {
                first = thrown instanceof RuntimeException runtime ? runtime : new IllegalStateException(
                        "thread " + helper.thread.getName() + " failed: " + thrown, thrown);
            }
        }
        return first;
    }

    /** Spins, then parks until the last helper's part ends and that helper unparks this thread. */
    private void awaitHelpers() {
        boolean interrupted = false;
        long spinUntil = System.nanoTime() + spinNanos;
        while (pending.get() != 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            callerParked = true;
            // as in a helper's wait: the last helper sees the flag, or this check sees its count
            if (pending.get() != 0) {
                LockSupport.park(this);
                // cleared so that the next park waits; set again below
                interrupted |= Thread.interrupted();
            }
            callerParked = false;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the helper threads once their current part ends and waits for them to end (unless
     * interrupted, the status then kept); later calls of {@link #run} fail.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Helper helper : helpers) {
            LockSupport.unpark(helper.thread);
        }
        Cleaner.Cleanable tie = ownerTie;
        if (tie != null) {
            tie.clean(); // runs this method again, which returns at once
        }
        for (Helper helper : helpers) {
            if (helper.thread == Thread.currentThread()) {
                continue;
            }
            try {
                helper.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Helper implements Runnable {
        private final int part;
        private Thread thread;
        private volatile boolean parked;
        /** What this helper's part of the current task threw; read by the caller after the task. */
        private Throwable failure;

        Helper(int part) {
            this.part = part;
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                int current = awaitTask(seen);
                if (current == seen) {
                    return;
                }
                seen = current;
                try {
                    task.run(part, helpers.length + 1);
                } catch (Throwable thrown) {
                    failure = thrown;
                }
                Thread waiting = caller;
                if (pending.decrementAndGet() == 0 && callerParked) {
                    LockSupport.unpark(waiting);
                }
            }
        }

        /** Waits for a generation other than {@code seen} and returns it; returns {@code seen} once the team is closed. */
        private int awaitTask(int seen) {
            long spinUntil = System.nanoTime() + spinNanos;
            while (true) {
                int current = generation;
                if (current != seen) {
                    return current;
                }
                if (closed) {
                    return seen;
                }
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                // a task published after the flag is seen by this check; one published before it
                // finds the flag set and unparks this thread, so the park returns at once
                if (generation == seen && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
                spinUntil = System.nanoTime() + spinNanos;
            }
        }
    }
}
