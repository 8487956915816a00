package splab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * One process at a time in a run folder: {@code .splab.lock} is created exclusively and names its holder (pid,
 * host, command, start time). A second process is refused with a line naming the holder. A lock whose pid no
 * longer lives on this host is stale (the holder was killed) and is taken over with a notice. Closing the
 * lock removes the file if it is still this process's.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".splab.lock";

    private final Path file;
    private final String content;

    private RunLock(Path file, String content) {
        this.file = file;
        this.content = content;
    }

    /** Locks {@code dir} (created if needed) for this process; {@code notice} gets the stale-lock message. */
    public static RunLock acquire(Path dir, String command, Consumer<String> notice) {
        AtomicFiles.ensureWritableDirectory(dir);
        Path file = dir.resolve(FILE);
        String content = describe(ProcessHandle.current().pid(), host(), command, Instant.now().toString());
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                RunLock lock = new RunLock(file, content);
                Runtime.getRuntime().addShutdownHook(new Thread(lock::close));
                return lock;
            } catch (FileAlreadyExistsException e) {
                Properties holder = read(file);
                if (holder == null) {
                    continue; // released between the two calls
                }
                String who = "pid " + holder.getProperty("pid", "?") + " on " + holder.getProperty("host", "?")
                        + " (" + holder.getProperty("command", "?") + ", since " + holder.getProperty("started", "?") + ")";
                if (!stale(holder)) {
                    throw new IllegalArgumentException("run folder " + dir + " is in use by " + who
                            + "; wait for it to finish, or delete " + file + " if that process is gone");
                }
                notice.accept("taking over the stale lock of " + dir + " left by " + who + ", no longer running");
                try {
                    Files.deleteIfExists(file);
                } catch (IOException d) {
                    throw new UncheckedIOException("cannot remove stale lock " + file + ": " + AtomicFiles.describe(d), d);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create lock " + file + ": " + AtomicFiles.describe(e), e);
            }
        }
        throw new IllegalArgumentException("run folder " + dir + ": could not take " + file + " (other processes race for it)");
    }

    /** The lock is stale when it names this host and a pid that is not running. */
    static boolean stale(Properties holder) {
        if (!host().equals(holder.getProperty("host"))) {
            return false;
        }
        try {
            long pid = Long.parseLong(holder.getProperty("pid", ""));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true; // an unreadable lock names no holder that could still run
        }
    }

    static String describe(long pid, String host, String command, String started) {
        return "pid=" + pid + "\nhost=" + host + "\ncommand=" + command.replaceAll("[\\r\\n]", " ") + "\nstarted="
                + started + "\n";
    }

    private static Properties read(Path file) {
        try {
            Properties p = new Properties();
            p.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return p;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lock " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Removes the lock file if it still holds this process's lock. */
    @Override
    public synchronized void close() {
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // a lock left behind is stale once this process ends and will be taken over
        }
    }
}
