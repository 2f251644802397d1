package dev.filtre.examples.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ε schedules and the ε-greedy choice. */
class ExplorationTest {
    @Test
    void theSchedulesGiveEpsilonEpisodeByEpisode() {
        Exploration decay = Exploration.linearDecay(1.0, 0.1, 10);
        assertEquals(1.0, decay.epsilon(0), 1e-12);
        assertEquals(0.55, decay.epsilon(5), 1e-12);
        assertEquals(0.1, decay.epsilon(10), 1e-12);
        assertEquals(0.1, decay.epsilon(1000), 1e-12);
        assertEquals(0.2, Exploration.constant(0.2).epsilon(123), 0);
        assertEquals(0.0, Exploration.none().epsilon(0), 0);
        assertThrows(IllegalArgumentException.class, () -> Exploration.constant(1.5));
        assertThrows(IllegalArgumentException.class, () -> Exploration.linearDecay(1, 0, 0));
    }

    @Test
    void withoutExplorationTheMostProbableActionIsPlayed() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertEquals(2, Exploration.choose(new float[] {0.2f, 0.3f, 0.5f}, 0, random));
        }
        assertEquals(0, Exploration.argmax(new float[] {0.4f, 0.4f, 0.2f}), "the first of equals");
    }

    @Test
    void alwaysExploringPlaysEveryActionAboutEquallyOften() {
        SplittableRandom random = new SplittableRandom(2);
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            counts[Exploration.choose(new float[] {0.0f, 0.0f, 1.0f}, 1, random)]++;
        }
        for (int count : counts) {
            assertTrue(count > 900 && count < 1100, "counts " + java.util.Arrays.toString(counts));
        }
    }
}
