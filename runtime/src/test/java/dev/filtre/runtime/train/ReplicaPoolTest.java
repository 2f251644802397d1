package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.filtre.dsl.Model;
import org.junit.jupiter.api.Test;

class ReplicaPoolTest {
    private final TestMlp model = new TestMlp(4, 8, 3, TestMlp.Activation.TANH, 0, true);
    private final ReplicaPool pool = new ReplicaPool(model);

    @Test
    void aReplicaGivenBackIsTakenAgain() {
        Model first = pool.take();
        pool.giveBack(first);

        assertSame(first, pool.take());
    }

    @Test
    void replicasInUseAreNotLentTwice() {
        Model first = pool.take();
        Model second = pool.take();

        assertNotSame(first, second);
        assertNotSame(model, first);
    }
}
