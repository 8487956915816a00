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
 */
public final class MetricsLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Writer writer;

    public MetricsLog(Path file) {
        this.file = file;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
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
        try {
            writer.write(JSON.writeValueAsString(row));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics log " + file, e);
        }
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
