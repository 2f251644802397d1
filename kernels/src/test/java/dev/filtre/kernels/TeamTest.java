package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * A team runs every part of every task exactly once, each on its own thread, returns only when all
 * are done, sees the caller's writes before a task and gives the caller its helpers' writes after,
 * reports a failing part, and stops its threads when closed.
 */
class TeamTest {
    @Test
    void everyPartRunsOncePerTaskOnItsOwnThreadAndIsDoneWhenRunReturns() {
        for (int size = 2; size <= 4; size++) {
            try (Team team = Team.of(size, "team-test")) {
                assertEquals(size, team.size());
                int[] values = new int[size];
                int[] published = new int[1];
                AtomicIntegerArray runs = new AtomicIntegerArray(size);
                AtomicReferenceArray<Thread> threads = new AtomicReferenceArray<>(size);
                int[] sizes = new int[size];
                for (int task = 1; task <= 2000; task++) {
                    // plain writes before run() are visible to the parts; theirs to the caller after it
                    published[0] = task;
                    team.run((part, parts) -> {
                        sizes[part] = parts;
                        values[part] = published[0];
                        runs.incrementAndGet(part);
                        threads.set(part, Thread.currentThread());
                    });
                    for (int part = 0; part < size; part++) {
                        assertEquals(task, values[part], "part " + part + " after task " + task);
                        assertEquals(task, runs.get(part));
                    }
                }
                assertArrayEquals(filled(size, size), sizes);
                assertSame(Thread.currentThread(), threads.get(0));
                long[] helperIds = team.helperThreadIds();
                assertEquals(size - 1, helperIds.length);
                for (int part = 1; part < size; part++) {
                    assertEquals(threads.get(part).getId(), helperIds[part - 1], "part " + part + "'s thread id");
                    assertTrue(threads.get(part).getName().startsWith("team-test-"), threads.get(part).getName());
                    for (int other = 0; other < part; other++) {
                        assertTrue(threads.get(part) != threads.get(other), "parts " + other + " and " + part);
                    }
                }
            }
        }
    }

    @Test
    void helpersThatParkedWakeForTheNextTask() throws InterruptedException {
        try (Team team = Team.of(2, "team-test")) {
            int[] seen = new int[2];
            for (int task = 1; task <= 3; task++) {
                // longer than a helper spins: it parks, and the next run must unpark it
                Thread.sleep(Team.SPIN_NANOS / 1_000_000 + 20);
                team.run((part, parts) -> seen[part]++);
                assertArrayEquals(new int[] {task, task}, seen);
            }
        }
    }

    @Test
    void theLowestFailingHelpersExceptionReachesTheCallerAsThrownAfterEveryPartEnded() {
        try (Team team = Team.of(3, "team-test")) {
            AtomicIntegerArray ended = new AtomicIntegerArray(3);
            ArithmeticException error = assertThrows(ArithmeticException.class, () -> team.run((part, parts) -> {
                try {
                    if (part == 1) {
                        throw new ArithmeticException("part 1 failed");
                    }
                    if (part == 2) {
                        throw new IllegalArgumentException("part 2 failed");
                    }
                } finally {
                    ended.set(part, 1);
                }
            }));
            assertEquals("part 1 failed", error.getMessage());
            assertArrayEquals(new int[] {1, 1, 1}, new int[] {ended.get(0), ended.get(1), ended.get(2)});
            // the team still works, and the failures are not thrown again
            int[] seen = new int[3];
            team.run((part, parts) -> seen[part]++);
            assertArrayEquals(new int[] {1, 1, 1}, seen);
        }
    }

    @Test
    void anErrorOnAHelperIsWrappedAndNamesItsThread() {
        try (Team team = Team.of(2, "team-test")) {
            AssertionError broken = new AssertionError("broken");
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> team.run((part, parts) -> {
                if (part == 1) {
                    throw broken;
                }
            }));
            assertEquals("thread team-test-1 failed: java.lang.AssertionError: broken", error.getMessage());
            assertSame(broken, error.getCause());
        }
    }

    /** A caller whose helper runs far longer than the spin parks, and the helper's end wakes it. */
    @Test
    void aCallerWaitingLongParksAndIsWokenByTheLastHelper() throws InterruptedException {
        try (Team team = Team.of(2, "team-test")) {
            Thread caller = Thread.currentThread();
            java.util.concurrent.atomic.AtomicBoolean parkedSeen = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread watcher = new Thread(() -> {
                while (!done.get() && !parkedSeen.get()) {
                    parkedSeen.set(caller.getState() == Thread.State.WAITING);
                    Thread.onSpinWait();
                }
            });
            watcher.start();
            int[] seen = new int[2];
            team.run((part, parts) -> {
                if (part == 1) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200 * Team.SPIN_NANOS);
                }
                seen[part]++;
            });
            done.set(true);
            watcher.join();
            assertArrayEquals(new int[] {1, 1}, seen);
            assertTrue(parkedSeen.get(), "the caller parked while its helper ran");
        }
    }

    @Test
    void anInterruptedCallerWaitsForEveryPartAndKeepsItsStatus() {
        try (Team team = Team.of(2, "team-test")) {
            int[] seen = new int[2];
            Thread.currentThread().interrupt();
            try {
                team.run((part, parts) -> {
                    if (part == 1) {
                        java.util.concurrent.locks.LockSupport.parkNanos(10 * Team.SPIN_NANOS);
                    }
                    seen[part]++;
                });
                assertTrue(Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
            assertArrayEquals(new int[] {1, 1}, seen);
        }
    }

    @Test
    void theCallersOwnFailureIsThrownAsItIsOnceTheHelpersAreDone() {
        try (Team team = Team.of(2, "team-test")) {
            AtomicIntegerArray ended = new AtomicIntegerArray(2);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> team.run((part, parts) -> {
                        ended.set(part, 1);
                        if (part == 0) {
                            throw new IllegalArgumentException("caller's part");
                        }
                    }));
            assertEquals("caller's part", error.getMessage());
            assertEquals(1, ended.get(1));
        }
    }

    @Test
    void closingEndsTheHelpersBeforeItReturnsAndRefusesLaterTasks() {
        Team team = Team.of(3, "team-test");
        Thread[] helpers = new Thread[3];
        team.run((part, parts) -> helpers[part] = Thread.currentThread());
        team.close();
        for (int part = 1; part < 3; part++) {
            assertTrue(!helpers[part].isAlive(), helpers[part].getName() + " still runs after close");
        }
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> team.run((part, parts) -> { }));
        assertEquals("the team is closed", error.getMessage());
        team.close(); // a second close does nothing
    }

    /** Closing a team unties it from its owner: a model that changes teams does not pile them up. */
    @Test
    void aClosedTeamIsNotKeptByItsOwner() throws InterruptedException {
        Object owner = new Object();
        Team team = Team.of(2, "team-test").closedWhenUnreachable(owner);
        java.lang.ref.WeakReference<Team> closed = new java.lang.ref.WeakReference<>(team);
        team.close();
        team = null;
        for (int attempt = 0; attempt < 100 && closed.get() != null; attempt++) {
            System.gc();
            Thread.sleep(10);
        }
        assertTrue(closed.get() == null, "the owner's tie still holds the closed team");
        java.lang.ref.Reference.reachabilityFence(owner);
    }

    @Test
    void aTeamClosesWhenItsOwnerIsCollected() throws InterruptedException {
        Object owner = new Object();
        Team team = Team.of(2, "team-test").closedWhenUnreachable(owner);
        Thread[] helper = new Thread[1];
        team.run((part, parts) -> {
            if (part == 1) {
                helper[0] = Thread.currentThread();
            }
        });
        owner = null;
        for (int attempt = 0; attempt < 100 && helper[0].isAlive(); attempt++) {
            System.gc();
            helper[0].join(50);
        }
        assertTrue(!helper[0].isAlive(), "the helper outlived its team's owner");
    }

    @Test
    void oneThreadIsNotATeam() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Team.of(1, "x"));
        assertEquals("a team shares work between 2 threads or more, not 1", error.getMessage());
    }

    @Test
    void helpersSpinOnlyWhenEveryThreadHasAProcessor() {
        assertEquals(Team.SPIN_NANOS, Team.spinNanos(2, 2));
        assertEquals(Team.SPIN_NANOS, Team.spinNanos(2, 8));
        assertEquals(0, Team.spinNanos(3, 2));
    }

    private static int[] filled(int length, int value) {
        int[] values = new int[length];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
