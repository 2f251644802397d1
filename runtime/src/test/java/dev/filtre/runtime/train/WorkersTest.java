package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Model;
import dev.filtre.kernels.Team;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class WorkersTest {
    private final TestMlp model = new TestMlp(4, 8, 3, TestMlp.Activation.TANH, 0, true);

    @Test
    void everyWorkerGetsItsContiguousChunkRoundAfterRound() {
        try (Workers workers = new Workers(model, new ReplicaPool(model), 3)) {
            for (int count : new int[] {10, 7, 2}) {
                int[][] chunks = new int[3][];
                workers.run(count, (worker, from, to) -> chunks[indexOf(workers, worker)] = new int[] {from, to});

                assertArrayEquals(new int[] {0, count / 3}, chunks[0]);
                assertArrayEquals(new int[] {count / 3, 2 * count / 3}, chunks[1]);
                assertArrayEquals(new int[] {2 * count / 3, count}, chunks[2]);
            }
        }
    }

    @Test
    void theLowestFailingWorkersExceptionIsRethrownAndTheNextRoundRuns() {
        try (Workers workers = new Workers(model, new ReplicaPool(model), 3)) {
            RuntimeException second = new IllegalArgumentException("worker 2");
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> workers.run(6, (worker, from, to) -> {
                int w = indexOf(workers, worker);
                if (w == 1) {
                    throw new IllegalArgumentException("worker 1");
                }
                if (w == 2) {
                    throw second;
                }
            }));
            assertEquals("worker 1", thrown.getMessage());

            int[] runs = new int[3];
            workers.run(6, (worker, from, to) -> runs[indexOf(workers, worker)]++);
            assertArrayEquals(new int[] {1, 1, 1}, runs);
        }
    }

    @Test
    void anErrorOnAnotherThreadIsWrappedAndNamesTheWorker() {
        try (Workers workers = new Workers(model, new ReplicaPool(model), 2)) {
            AssertionError error = new AssertionError("broken");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> workers.run(4,
                    (worker, from, to) -> {
                        if (worker != workers.all()[0]) {
                            throw error;
                        }
                    }));
            assertEquals("thread filtre-trainer-1 failed: java.lang.AssertionError: broken", thrown.getMessage());
            assertSame(error, thrown.getCause());
        }
    }

    @Test
    void anInterruptedCallerWaitsForTheRoundThenStopsWithItsStatusKept() {
        try (Workers workers = new Workers(model, new ReplicaPool(model), 2)) {
            int[] runs = new int[2];
            Thread.currentThread().interrupt();
            try {
                assertThrows(IllegalStateException.class,
                        () -> workers.run(4, (worker, from, to) -> runs[indexOf(workers, worker)]++));
                assertTrue(Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
            assertArrayEquals(new int[] {1, 1}, runs);
        }
    }

    /**
     * Past {@link Team#SPIN_NANOS} of waiting a thread parks: an idle helper is parked, and the
     * next round wakes it; a caller whose helper runs longer than the spin parks and is woken when the
     * helper's chunk ends.
     */
    @Test
    void threadsParkAfterTheSpinAndWakeForTheNextEvent() throws InterruptedException {
        try (Workers workers = new Workers(model, new ReplicaPool(model), 2)) {
            int[] runs = new int[2];
            workers.run(2, (worker, from, to) -> runs[indexOf(workers, worker)]++);
            Thread helper = thread(workers.threadIds()[0]);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (helper.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertSame(Thread.State.WAITING, helper.getState(), "an idle helper parks after its spin");

            long slowChunk = 20 * Team.SPIN_NANOS;
            workers.run(2, (worker, from, to) -> {
                int w = indexOf(workers, worker);
                if (w == 1) {
                    LockSupport.parkNanos(slowChunk);
                }
                runs[w]++;
            });

            assertArrayEquals(new int[] {2, 2}, runs);
        }
    }

    @Test
    void closeEndsTheThreadsAndGivesTheReplicasBack() {
        ReplicaPool pool = new ReplicaPool(model);
        Workers workers = new Workers(model, pool, 2);
        Thread thread = thread(workers.threadIds()[0]);
        Model replica = workers.all()[1].model;

        workers.close();

        assertFalse(thread.isAlive());
        assertSame(replica, pool.take());
        assertThrows(IllegalStateException.class, () -> workers.run(1, (worker, from, to) -> {}));
    }

    private static Thread thread(long id) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getId() == id).findFirst().orElseThrow();
    }

    private static int indexOf(Workers workers, Worker worker) {
        Worker[] all = workers.all();
        for (int w = 0; w < all.length; w++) {
            if (all[w] == worker) {
                return w;
            }
        }
        throw new AssertionError("not a worker");
    }
}
