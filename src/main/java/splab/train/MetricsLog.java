package splab.train;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends one JSON object per logged step to a JSONL file (metrics.jsonl): step, loss, lr, tokens/s,
 * examples seen, gradient norm, path-token accuracy of the batch, then any evaluation figures.
 * Each line is flushed, so a crashed run keeps everything logged before it.
 *
 * <p>Every line also carries {@code wall_s}, seconds of training wall time (evaluation included) counted
 * across resumes: a reopened log continues from the last {@code wall_s} it holds; and {@code rss_mb}, the
 * process's resident memory from {@code /proc/self/status} where that file exists, so a long run shows
 * whether memory stays flat, beside {@code heap_committed_mb}, the Java heap the JVM holds (it grows lazily, so
 * RSS can rise while native memory stays flat).
 */
public final class MetricsLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Writer writer;
    private final long openedNanos = System.nanoTime();
    private final double wallOffset;

    public MetricsLog(Path file) {
        this.file = file;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            wallOffset = lastWallSeconds(file);
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open metrics log " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The standard fields of a step. */
    public static Map<String, Object> fields(StepResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", r.step());
        row.put("loss", r.loss());
        row.put("lr", r.learningRate());
        row.put("tokens_per_s", Math.round(r.tokensPerSecond()));
        row.put("examples_seen", r.examplesSeen());
        row.put("grad_norm", r.gradNorm());
        row.put("batch_path_token_acc", r.pathTokens() == 0 ? 0.0 : (double) r.correctPathTokens() / r.pathTokens());
        row.put("ms_per_step", r.millis());
        return row;
    }

    public void append(StepResult r, Map<String, Object> extra) {
        Map<String, Object> row = fields(r);
        if (extra != null) {
            row.putAll(extra);
        }
        append(row);
    }

    public void append(Map<String, Object> row) {
        row.putIfAbsent("wall_s", Math.round((wallOffset + (System.nanoTime() - openedNanos) / 1e9) * 10) / 10.0);
        long rss = residentMegabytes();
        if (rss >= 0) {
            row.putIfAbsent("rss_mb", rss);
        }
        row.putIfAbsent("heap_committed_mb", Runtime.getRuntime().totalMemory() >> 20);
        try {
            writer.write(JSON.writeValueAsString(row));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics log " + file, e);
        }
    }

    /** The {@code wall_s} of the last line of an existing log, or 0. */
    private static double lastWallSeconds(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        double last = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                last = JSON.readTree(line).path("wall_s").asDouble(last);
            }
        }
        return last;
    }

    /** Resident set size of this process in MiB, or -1 where {@code /proc/self/status} is missing. */
    public static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
