package dev.filtre.bench;

/**
 * An engine ready for one kind of timed run (its model built and warmed up: one-image calls, or
 * batch-256 inference), timed one run at a time, so that two engines' runs can alternate ({@link
 * #alternate}): on a virtual machine whose speed moves between phases within minutes (a two-thread
 * pass at 55, 68 or 110 µs from one minute to the next), runs of both engines taken in turn see the
 * same phases, where one engine's runs and then the other's may not.
 */
interface TimedSubject extends AutoCloseable {
    /** Times one run and returns its figure: a median in µs, or images/s. */
    double run();

    /** The figure of this engine's runs. */
    Result result(Measurement measurement);

    @Override
    void close();

    /**
     * Times {@code runs} runs of each subject in turn (first, second, first, second, ...), a pause
     * before each run letting the other engine's threads stop spinning, and returns each subject's
     * result, its figures in {@code unit}.
     */
    static Result[] alternate(int runs, long pauseMillis, String unit, TimedSubject... subjects) {
        double[][] figures = new double[subjects.length][runs];
        for (int run = 0; run < runs; run++) {
            for (int s = 0; s < subjects.length; s++) {
                pause(pauseMillis);
                figures[s][run] = subjects[s].run();
            }
        }
        Result[] results = new Result[subjects.length];
        for (int s = 0; s < subjects.length; s++) {
            results[s] = subjects[s].result(new Measurement(unit, Measurement.median(figures[s]), figures[s]));
        }
        return results;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between timed runs", e);
        }
    }
}
