package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void extendAddsOnePartAsDeriveDoes() {
        long stepSeed = Seeds.derive(42, Seeds.DROPOUT, 7);
        for (int position = 0; position < 4; position++) {
            assertEquals(Seeds.derive(42, Seeds.DROPOUT, 7, position), Seeds.extend(stepSeed, position),
                    "position " + position);
        }
    }

    @Test
    void partsInAnotherOrderGiveAnotherSeed() {
        assertNotEquals(Seeds.derive(42, Seeds.DROPOUT, 1, 2), Seeds.derive(42, Seeds.DROPOUT, 2, 1));
    }
}
