package dev.filtre.bench;

/**
 * How long and how often each figure is measured; the same rules as {@code pytorch_peer.py}'s
 * options of the same names.
 *
 * @param seconds the timed window of one throughput run
 * @param warmupSeconds how long to run before timing, once per figure (the JIT compiles then)
 * @param runs how many runs give the median
 * @param latencyCalls how many one-image calls one latency run times (their median is the run's)
 * @param latencyMaxSeconds when {@code latencyCalls} calls take longer, a latency run stops there
 */
record Timing(double seconds, double warmupSeconds, int runs, int latencyCalls, double latencyMaxSeconds) {
    Timing {
        if (!(seconds > 0) || !(warmupSeconds >= 0) || runs < 1 || latencyCalls < 1 || !(latencyMaxSeconds > 0)) {
            throw new IllegalArgumentException("timing needs a positive window, a warm-up >= 0, runs >= 1, calls >= 1"
                    + " and a positive latency cap, not seconds=" + seconds + " warmup=" + warmupSeconds + " runs=" + runs
                    + " calls=" + latencyCalls + " cap=" + latencyMaxSeconds);
        }
    }

    long latencyMaxNanos() {
        return (long) (latencyMaxSeconds * 1e9);
    }

    long windowNanos() {
        return (long) (seconds * 1e9);
    }

    long warmupNanos() {
        return (long) (warmupSeconds * 1e9);
    }
}
