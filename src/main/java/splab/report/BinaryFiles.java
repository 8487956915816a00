package splab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import splab.io.AtomicFiles;

/** Atomic binary writes (temp file in the same folder, then rename), the byte twin of {@link AtomicFiles}. */
final class BinaryFiles {
    private BinaryFiles() {
    }

    static void write(Path path, byte[] bytes) {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            AtomicFiles.move(tmp, path);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // the original error matters more
            }
            throw new UncheckedIOException("cannot write " + path + ": " + AtomicFiles.describe(e), e);
        }
    }
}
