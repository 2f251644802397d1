package dev.filtre.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerGangTest {
    @Test
    void everyWorkerRunsEachTaskOnceAndTheCallerIsWorkerZero() {
        try (WorkerGang gang = new WorkerGang(3)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(3);
            Thread caller = Thread.currentThread();
            boolean[] callerRanZero = new boolean[1];
            for (int round = 0; round < 1000; round++) {
                gang.run((worker, workers) -> {
                    runs.incrementAndGet(worker);
                    if (worker == 0) {
                        callerRanZero[0] = Thread.currentThread() == caller;
                    }
                });
            }
            assertArrayEquals(new int[] {1000, 1000, 1000}, new int[] {runs.get(0), runs.get(1), runs.get(2)});
            assertTrue(callerRanZero[0]);
            assertEquals(2, gang.threadIds().length);
        }
    }

    @Test
    void aWorkersFailureReachesTheCallerAndTheGangGoesOn() {
        try (WorkerGang gang = new WorkerGang(2)) {
            ArithmeticException failure = assertThrows(ArithmeticException.class, () -> gang.run((worker, workers) -> {
                if (worker == 1) {
                    throw new ArithmeticException("worker 1 divided by zero");
                }
            }));
            assertEquals("worker 1 divided by zero", failure.getMessage());
            int[] ran = new int[2];
            gang.run((worker, workers) -> ran[worker]++);
            assertArrayEquals(new int[] {1, 1}, ran);
        }
    }

    @Test
    void oneWorkerIsTheCallerAlone() {
        try (WorkerGang gang = new WorkerGang(1)) {
            Thread[] ran = new Thread[1];
            gang.run((worker, workers) -> ran[worker] = Thread.currentThread());
            assertTrue(ran[0] == Thread.currentThread());
            assertEquals(1, gang.size());
            assertEquals(0, gang.threadIds().length);
        }
    }

    @Test
    void aGangNeedsAWorker() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WorkerGang(0));
        assertTrue(e.getMessage().contains("at least one worker"), e.getMessage());
    }
}
