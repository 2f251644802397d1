package dev.filtre.bench;

/**
 * An engine ready for one-image calls (its model built and warmed up), timed one run of calls at a
 * time, so that two engines' runs can alternate ({@link #alternate}): on a virtual machine whose
 * speed moves between phases within minutes (a two-thread pass at 55, 68 or 110 µs from one minute
 * to the next), runs of both engines taken in turn see the same phases, where one engine's runs
 * and then the other's may not.
 */
interface LatencySubject extends AutoCloseable {
    /** Times one run of calls and returns its median, in microseconds. */
    double medianMicros();

    /** The figure of this engine's runs. */
    Result result(Measurement measurement);

    @Override
    void close();

    /**
     * Times {@code runs} runs of each subject in turn (first, second, first, second, ...), a pause
     * between runs letting the other engine's threads stop spinning, and returns each subject's result.
     */
    static Result[] alternate(int runs, long pauseMillis, LatencySubject... subjects) {
        double[][] medians = new double[subjects.length][runs];
        for (int run = 0; run < runs; run++) {
            for (int s = 0; s < subjects.length; s++) {
                pause(pauseMillis);
                medians[s][run] = subjects[s].medianMicros();
            }
        }
        Result[] results = new Result[subjects.length];
        for (int s = 0; s < subjects.length; s++) {
            results[s] = subjects[s].result(new Measurement("us", Measurement.median(medians[s]), medians[s]));
        }
        return results;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between latency runs", e);
        }
    }
}
