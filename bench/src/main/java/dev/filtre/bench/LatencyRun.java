package dev.filtre.bench;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Times one call after another and keeps the median: {@link Timing#latencyCalls()} calls, or as
 * many as fit in {@link Timing#latencyMaxSeconds()} when each takes too long (a slow network or a
 * busy machine), which it then reports. The buffer of times is allocated once; the bytes the calls
 * allocate (on the calling thread and the threads it is told of) are counted around the calls
 * only, not the sort of their times, which may allocate a buffer to merge runs of sorted values
 * (16 KB now and then: 4-5 B a call, which earlier runs reported as the model's).
 */
final class LatencyRun {
    private final long[] times;
    private final long maxNanos;
    private final Consumer<String> log;
    private long totalCalls;
    private long allocatedBytes;
    private long[] countedThreads = new long[0];

    LatencyRun(Timing timing, Consumer<String> log) {
        this.times = new long[timing.latencyCalls()];
        this.maxNanos = timing.latencyMaxNanos();
        this.log = log;
    }

    /** Counts, besides the calling thread's, the bytes the threads {@code ids} allocate during the calls. */
    LatencyRun countingThreads(long[] ids) {
        countedThreads = ids.clone();
        return this;
    }

    /** Times calls of {@code call} and returns their median in microseconds. */
    double medianMicros(Runnable call) {
        long allocatedBefore = Allocations.allocatedBytes(countedThreads);
        long deadline = System.nanoTime() + maxNanos;
        int count = 0;
        while (count < times.length) {
            long start = System.nanoTime();
            call.run();
            long end = System.nanoTime();
            times[count++] = end - start;
            if (end > deadline) {
                log.accept("# latency run stopped after " + count + " calls (" + maxNanos / 1_000_000_000.0 + " s cap)");
                break;
            }
        }
        allocatedBytes += Allocations.allocatedBytes(countedThreads) - allocatedBefore;
        totalCalls += count;
        Arrays.sort(times, 0, count);
        int middle = count / 2;
        double median = count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2.0;
        return median / 1000;
    }

    /** The bytes the calls allocated so far, over every run, on the threads counted. */
    long allocatedBytes() {
        return allocatedBytes;
    }

    /** The number of calls timed so far, over every run. */
    long totalCalls() {
        return totalCalls;
    }
}
