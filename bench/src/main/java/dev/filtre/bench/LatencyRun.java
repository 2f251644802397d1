package dev.filtre.bench;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Times one call after another and keeps the median: {@link Timing#latencyCalls()} calls, or as
 * many as fit in {@link Timing#latencyMaxSeconds()} when each takes too long (a slow network or a
 * busy machine), which it then reports. The buffer of times is allocated once.
 */
final class LatencyRun {
    private final long[] times;
    private final long maxNanos;
    private final Consumer<String> log;
    private long totalCalls;

    LatencyRun(Timing timing, Consumer<String> log) {
        this.times = new long[timing.latencyCalls()];
        this.maxNanos = timing.latencyMaxNanos();
        this.log = log;
    }

    /** Times calls of {@code call} and returns their median in microseconds. */
    double medianMicros(Runnable call) {
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
        totalCalls += count;
        Arrays.sort(times, 0, count);
        int middle = count / 2;
        double median = count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2.0;
        return median / 1000;
    }

    /** The number of calls timed so far, over every run. */
    long totalCalls() {
        return totalCalls;
    }
}
