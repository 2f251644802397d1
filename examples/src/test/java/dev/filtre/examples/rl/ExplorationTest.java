package dev.filtre.examples.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ε schedules, the behaviour's choice and the weight of the policy in it. */
class ExplorationTest {
    private static final float[] POLICY = {0.2f, 0.3f, 0.5f};

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
    void withoutExplorationTheMostProbableActionIsAlwaysPlayed() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertEquals(2, Exploration.none().choose(POLICY, 0, random));
        }
        assertEquals(0, Exploration.argmax(new float[] {0.4f, 0.4f, 0.2f}), "the first of equals");
    }

    @Test
    void withEpsilonZeroTheActionsAreDrawnFromThePolicy() {
        int[] counts = count(Exploration.constant(0), 0, 10_000);
        assertEquals(2000, counts[0], 150, Arrays.toString(counts));
        assertEquals(3000, counts[1], 150, Arrays.toString(counts));
        assertEquals(5000, counts[2], 150, Arrays.toString(counts));
    }

    @Test
    void alwaysExploringPlaysEveryActionAboutEquallyOften() {
        int[] counts = count(Exploration.constant(1), 1, 3000);
        for (int count : counts) {
            assertTrue(count > 900 && count < 1100, "counts " + Arrays.toString(counts));
        }
    }

    @Test
    void thePolicysShareOfAnActionIsItsPartOfTheMixture() {
        // (1 - 0.1) * 0.5 = 0.45 from the policy, 0.1 / 3 from exploring: 0.45 / 0.48333...
        assertEquals(0.45 / (0.45 + 0.1 / 3), Exploration.policyShare(POLICY, 2, 0.1), 1e-7);
        assertEquals(1.0, Exploration.policyShare(POLICY, 0, 0), 0);
        assertEquals(0.0, Exploration.policyShare(POLICY, 0, 1), 0);
    }

    private static int[] count(Exploration exploration, double epsilon, int draws) {
        SplittableRandom random = new SplittableRandom(2);
        int[] counts = new int[3];
        for (int i = 0; i < draws; i++) {
            counts[exploration.choose(POLICY, epsilon, random)]++;
        }
        return counts;
    }
}
