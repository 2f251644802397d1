package dev.filtre.examples.fashion;

import dev.filtre.runtime.train.LearningRateSchedule;

/** The learning-rate schedules the demo offers, by the name its {@code --schedule} option takes. */
public enum Schedule {
    /** From the base rate down to 0 along a half cosine over the whole run, step by step. */
    COSINE(LearningRateSchedule.cosine()),
    /** The base rate divided by 10 every 2 epochs. */
    STEP(LearningRateSchedule.step(2, 0.1)),
    /** The base rate throughout. */
    CONSTANT(LearningRateSchedule.constant()),
    /**
     * One cycle (PyTorch's {@code OneCycleLR} defaults): up from a 25th of the base rate to the base
     * rate over the first 30% of the steps, then down along a cosine to almost 0.
     */
    ONE_CYCLE(LearningRateSchedule.oneCycle());

    private final LearningRateSchedule schedule;

    Schedule(LearningRateSchedule schedule) {
        this.schedule = schedule;
    }

    /** The runtime's schedule. */
    public LearningRateSchedule toRuntime() {
        return schedule;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
