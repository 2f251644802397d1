package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator must draw exactly what java.util.SplittableRandom draws, or seeded masks change. */
class ReseedableRandomTest {
    private static final long[] SEEDS = {0L, 1L, 42L, -7L, Long.MIN_VALUE, Long.MAX_VALUE, 0x9e3779b97f4a7c15L};

    @Test
    void drawsTheDoublesOfSplittableRandom() {
        for (long seed : SEEDS) {
            SplittableRandom expected = new SplittableRandom(seed);
            ReseedableRandom actual = new ReseedableRandom(seed);
            for (int i = 0; i < 1000; i++) {
                assertEquals(expected.nextDouble(), actual.nextDouble(), "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void reseedingRestartsTheSequenceOfANewSplittableRandom() {
        ReseedableRandom random = new ReseedableRandom(3);
        random.split();
        for (long seed : SEEDS) {
            random.nextDouble();
            random.reseed(seed);
            SplittableRandom expected = new SplittableRandom(seed);
            for (int i = 0; i < 100; i++) {
                assertEquals(expected.nextDouble(), random.nextDouble(), "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void reseedingPastDrawsContinuesWhereThoseDrawsWouldHaveLeftTheSequence() {
        ReseedableRandom random = new ReseedableRandom(9);
        random.split();
        for (long seed : SEEDS) {
            for (int skipped : new int[] {0, 1, 3136, 100_000}) {
                SplittableRandom expected = new SplittableRandom(seed);
                for (int i = 0; i < skipped; i++) {
                    expected.nextDouble();
                }
                random.nextDouble();
                random.reseed(seed, skipped);
                for (int i = 0; i < 50; i++) {
                    assertEquals(expected.nextDouble(), random.nextDouble(),
                            "seed " + seed + ", " + skipped + " skipped, draw " + i);
                }
            }
        }
    }

    @Test
    void splitsAsSplittableRandomSplits() {
        for (long seed : SEEDS) {
            SplittableRandom expectedParent = new SplittableRandom(seed);
            ReseedableRandom parent = new ReseedableRandom(seed);
            expectedParent.nextDouble();
            parent.nextDouble();
            SplittableRandom expectedChild = expectedParent.split();
            ReseedableRandom child = parent.split();
            SplittableRandom expectedGrandchild = expectedChild.split();
            ReseedableRandom grandchild = child.split();
            for (int i = 0; i < 100; i++) {
                assertEquals(expectedChild.nextDouble(), child.nextDouble(), "child, seed " + seed);
                assertEquals(expectedParent.nextDouble(), parent.nextDouble(), "parent, seed " + seed);
                assertEquals(expectedGrandchild.nextDouble(), grandchild.nextDouble(), "grandchild, seed " + seed);
            }
        }
    }

    @Test
    void aSplitDrawsAnotherSequence() {
        ReseedableRandom parent = new ReseedableRandom(5);
        ReseedableRandom child = parent.split();
        assertNotEquals(parent.nextLong(), child.nextLong());
    }
}
