package starnet.math;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BackgroundPriorityTest {
    @Test
    void theSolverThreadAndTheThreadsItStartsRunAtTheLowerPriority() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        AtomicReference<OptionalInt> own = new AtomicReference<>(), child = new AtomicReference<>();
        AtomicReference<Boolean> lowered = new AtomicReference<>();
        Thread solver = new Thread(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread());
            own.set(BackgroundPriority.currentNice());
            Thread started = new Thread(() -> child.set(BackgroundPriority.currentNice()));
            started.start();
            try {
                started.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        solver.start();
        solver.join();
        OptionalInt caller = BackgroundPriority.currentNice();
        assumeTrue(lowered.get(), "renice is not available here");
        int base = caller.orElseThrow();
        int nice = own.get().orElseThrow();
        assertTrue(nice >= BackgroundPriority.NICE && nice >= base, "the calling thread runs at nice " + nice + ", the test thread at " + base);
        assertEquals(own.get().orElseThrow(), child.get().orElseThrow(), "a thread it starts inherits the priority");
    }
}
