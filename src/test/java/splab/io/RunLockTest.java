package splab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void theLockNamesItsHolderAndIsRemovedOnClose() throws Exception {
        Path file = dir.resolve(RunLock.FILE);
        try (RunLock lock = RunLock.acquire(dir, "splab run", s -> { })) {
            String text = Files.readString(file);
            assertTrue(text.contains("pid=" + ProcessHandle.current().pid()) && text.contains("command=splab run"), text);
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void aSecondHolderIsRefusedWithTheFirstNamed() throws Exception {
        try (RunLock first = RunLock.acquire(dir, "splab run --out x", s -> { })) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RunLock.acquire(dir, "splab train", s -> { }));
            assertTrue(e.getMessage().contains("in use by pid " + ProcessHandle.current().pid())
                    && e.getMessage().contains("splab run --out x"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void aStaleLockOfADeadProcessIsTakenOverWithANotice() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Files.writeString(dir.resolve(RunLock.FILE), RunLock.describe(p.pid(), RunLock.host(), "splab run", "then"));
        List<String> notices = new ArrayList<>();
        try (RunLock lock = RunLock.acquire(dir, "splab run", notices::add)) {
            assertEquals(1, notices.size());
            assertTrue(notices.get(0).contains("stale") && notices.get(0).contains("pid " + p.pid()), notices.get(0));
            assertTrue(Files.readString(dir.resolve(RunLock.FILE)).contains("pid=" + ProcessHandle.current().pid()));
        }
    }

    @Test
    void aLockFromAnotherHostIsNeverTakenOver() throws Exception {
        Files.writeString(dir.resolve(RunLock.FILE), RunLock.describe(1, "some-other-host", "splab run", "then"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunLock.acquire(dir, "splab run", s -> { }));
        assertTrue(e.getMessage().contains("some-other-host"), e.getMessage());
    }
}
