package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    @Test
    void stepMultipliesByTheFactorEveryFewEpochs() {
        LearningRateSchedule schedule = LearningRateSchedule.step(2, 0.1);
        // 10 steps per epoch: epochs 0-1 are steps 0-19.
        assertEquals(0.5, schedule.rate(0.5, 0, 10, 60), 1e-15);
        assertEquals(0.5, schedule.rate(0.5, 19, 10, 60), 1e-15);
        assertEquals(0.05, schedule.rate(0.5, 20, 10, 60), 1e-15);
        assertEquals(0.005, schedule.rate(0.5, 59, 10, 60), 1e-15);
    }

    @Test
    void cosineGoesFromTheBaseRateToTheMinimum() {
        LearningRateSchedule schedule = LearningRateSchedule.cosine(0.1);
        assertEquals(1.0, schedule.rate(1.0, 0, 10, 100), 1e-15);
        assertEquals(0.55, schedule.rate(1.0, 50, 10, 100), 1e-15);
        assertEquals(0.1 + 0.9 * (1 + Math.cos(Math.PI / 4)) / 2, schedule.rate(1.0, 25, 10, 100), 1e-15);
        assertEquals(0.1, schedule.rate(1.0, 100, 10, 100), 1e-15);
    }

    @Test
    void constantKeepsTheBaseRate() {
        assertEquals(0.3, LearningRateSchedule.constant().rate(0.3, 77, 10, 100));
    }

    @Test
    void oneCycleRisesToTheBaseRateThenFallsLikePyTorchs() {
        LearningRateSchedule schedule = LearningRateSchedule.oneCycle();
        // 101 steps: the peak is at step 0.3 * 101 - 1 = 29.3, the last step is 100.
        assertEquals(0.04, schedule.rate(1.0, 0, 10, 101), 1e-15);
        assertEquals(1.0, schedule.rate(1.0, 29, 10, 101), 0.001);
        assertEquals(0.04 / 1e4, schedule.rate(1.0, 100, 10, 101), 1e-15);
        assertEquals(0.04 + 0.96 * (1 - Math.cos(Math.PI * 10 / 29.3)) / 2, schedule.rate(1.0, 10, 10, 101), 1e-12);
    }
}
