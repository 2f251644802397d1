package dev.filtre.bench;

import dev.filtre.kernels.Team;

/**
 * A fixed set of workers that run one task together, each with its index, and return when all are
 * done: the calling thread is worker 0, and workers 1 to n-1 are the helpers of a {@link Team}, which
 * spin a while between tasks rather than park (a parked thread's wake-up under a hypervisor costs
 * tens of microseconds, a step or a batch of these benchmarks a few milliseconds). Handing out a task
 * allocates nothing, so a training or inference loop driven by a gang allocates only what its task
 * does. With one worker the caller runs the task alone.
 */
final class WorkerGang implements AutoCloseable {
    /** The caller and a helper per other worker; null for one worker. */
    private final Team team;

    /** A gang of {@code size} workers: the caller and {@code size - 1} daemon threads. */
    WorkerGang(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a gang needs at least one worker, not " + size);
        }
        team = size > 1 ? Team.of(size, "bench-worker") : null;
    }

    /** The number of workers, the caller included. */
    int size() {
        return team == null ? 1 : team.size();
    }

    /** The ids of the started threads (not the caller's), for allocation counting. */
    long[] threadIds() {
        return team == null ? new long[0] : team.helperThreadIds();
    }

    /**
     * Runs {@code work} on every worker ({@code work.run(worker, size())}) and returns when all have
     * finished; a helper's failure reaches the caller as {@link Team#run} says.
     */
    void run(Team.Part work) {
        if (team == null) {
            work.run(0, 1);
        } else {
            team.run(work);
        }
    }

    @Override
    public void close() {
        if (team != null) {
            team.close();
        }
    }
}
