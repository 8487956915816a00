package splab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTempFile() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, w -> {
            w.write("half");
            throw new IllegalStateException("boom");
        }));
        assertEquals("old", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
        AtomicFiles.writeString(f, "new");
        assertEquals("new", Files.readString(f));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
}
