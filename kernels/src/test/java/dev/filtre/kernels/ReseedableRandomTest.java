package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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

    /**
     * A mask drawn at once is, value for value, {@code nextDouble() < rate ? 0f : scale} drawn one
     * at a time, and leaves the sequence where those draws would: rates at the edges (0 keeps all, 1
     * drops all) and between, from an offset, with the values around the region untouched.
     */
    @Test
    void aDropoutMaskDrawsWhatNextDoubleWouldDraw() {
        for (double rate : new double[] {0, 0.1, 0.25, 0.5, 1.0 / 3, 0.9, 1}) {
            float scale = rate == 1 ? 0f : (float) (1 / (1 - rate));
            ReseedableRandom drawn = new ReseedableRandom(17);
            ReseedableRandom expected = new ReseedableRandom(17);
            float[] mask = new float[2 + 1000 + 3];
            Arrays.fill(mask, 7f);
            float[] wanted = mask.clone();
            for (int k = 2; k < 1002; k++) {
                wanted[k] = expected.nextDouble() < rate ? 0f : scale;
            }
            drawn.dropoutMask(mask, 2, 1000, rate, scale);
            for (int k = 0; k < mask.length; k++) {
                assertEquals(Float.floatToRawIntBits(wanted[k]), Float.floatToRawIntBits(mask[k]),
                        "rate " + rate + " value " + k);
            }
            assertEquals(expected.nextLong(), drawn.nextLong(), "rate " + rate + ": the sequence continues");
        }
    }

    @Test
    void aDropoutMaskRejectsARateOutsideZeroToOne() {
        ReseedableRandom random = new ReseedableRandom(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> random.dropoutMask(new float[4], 0, 4, 1.5, 1f));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
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
