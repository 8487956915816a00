package splab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One process at a time in a run folder. The lock is an operating-system lock on {@code .splab.lock} in the folder,
 * held for as long as the command runs; the file also names the holder (pid, host, command, start time) for the
 * message another process gets. The operating system releases the lock when the holder exits, however it exits, so
 * a crashed run never leaves a stale lock behind: the next command simply takes it.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".splab.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dir} (created if needed) for {@code command}, or refuses naming the holder. */
    public static RunLock acquire(Path dir, String command) {
        AtomicFiles.ensureWritableDirectory(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this same process
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new IllegalArgumentException(dir + " is in use by another splab process ("
                        + (holder.isEmpty() ? "holder unknown" : holder) + "); wait for it to end or choose another folder");
            }
            String me = "pid " + ProcessHandle.current().pid() + " on " + host() + ", " + command + ", started "
                    + Instant.now();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
            throw new UncheckedIOException("cannot lock " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static String host() {
        String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@host on HotSpot
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(at + 1) : "this host";
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
