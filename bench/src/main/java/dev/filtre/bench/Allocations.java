package dev.filtre.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the heap by the calling thread and a set of other threads, as HotSpot counts
 * them per thread ({@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes}): exact, with
 * no sampling, so a loop that allocates nothing reads 0 per step.
 */
final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {}

    /** True when this JVM counts allocations per thread. */
    static boolean supported() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /** The bytes allocated so far by the calling thread. */
    static long allocatedBytes() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** The bytes allocated so far by the calling thread and the threads {@code others}. */
    static long allocatedBytes(long[] others) {
        long total = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (long id : others) {
            total += Math.max(0, THREADS.getThreadAllocatedBytes(id));
        }
        return total;
    }
}
