package splab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.djl.pytorch.jni.JniUtils;

/** Workers run single-threaded with gradient recording off, every one is waited for, and the count comes back. */
class EngineThreadsTest {
    private static int before;

    @BeforeAll
    static void loadEngine() {
        before = EngineThreads.intraOp(); // loads the native library
    }

    @AfterAll
    static void restore() {
        JniUtils.setNumThreads(before);
    }

    @Test
    void workersRunSingleThreadedWithoutGradientsAndTheCountIsRestored() {
        JniUtils.setNumThreads(2);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        EngineThreads.onWorkers(() -> {
            runs.incrementAndGet();
            seen.add(Thread.currentThread().getName() + " threads=" + JniUtils.getNumThreads()
                    + " grad=" + JniUtils.isGradMode());
        }, 2);
        assertEquals(2, runs.get());
        assertTrue(seen.stream().allMatch(s -> s.endsWith("threads=1 grad=false")), seen.toString());
        assertEquals(2, EngineThreads.intraOp(), "the calling thread gets its count back");
    }

    @Test
    void aFailingWorkerIsRethrownAfterTheOthersFinish() {
        JniUtils.setNumThreads(2);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EngineThreads.onWorkers(() -> {
            if (started.incrementAndGet() == 1) {
                throw new IllegalStateException("batch 0 broke");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        }, 3));
        assertEquals("batch 0 broke", e.getMessage());
        assertEquals(2, finished.get(), "onWorkers returned only after the other workers were done");
        assertEquals(2, EngineThreads.intraOp());
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
