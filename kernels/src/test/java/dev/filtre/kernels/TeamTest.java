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
    void aHelpersFailureReachesTheCallerAfterEveryPartEnded() {
        try (Team team = Team.of(3, "team-test")) {
            AtomicIntegerArray ended = new AtomicIntegerArray(3);
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> team.run((part, parts) -> {
                try {
                    if (part == 2) {
                        throw new ArithmeticException("part 2 failed");
                    }
                } finally {
                    ended.set(part, 1);
                }
            }));
            assertTrue(error.getMessage().contains("part 2 failed"), error.getMessage());
            assertEquals(ArithmeticException.class, error.getCause().getClass());
            assertArrayEquals(new int[] {1, 1, 1}, new int[] {ended.get(0), ended.get(1), ended.get(2)});
            // the team still works
            int[] seen = new int[3];
            team.run((part, parts) -> seen[part]++);
            assertArrayEquals(new int[] {1, 1, 1}, seen);
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
    void closingStopsTheHelpersAndRefusesLaterTasks() throws InterruptedException {
        Team team = Team.of(3, "team-test");
        Thread[] helpers = new Thread[3];
        team.run((part, parts) -> helpers[part] = Thread.currentThread());
        team.close();
        for (int part = 1; part < 3; part++) {
            helpers[part].join(5_000);
            assertTrue(!helpers[part].isAlive(), helpers[part].getName() + " still runs after close");
        }
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> team.run((part, parts) -> { }));
        assertEquals("the team is closed", error.getMessage());
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
