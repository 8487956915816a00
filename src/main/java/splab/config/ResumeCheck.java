package splab.config;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a resumed training run may change. A resume continues the same run, so every key that shapes the
 * trained parameters is fixed: the seed, {@code data}, {@code model} and {@code train} (steps and the schedule
 * included). Free to change: how often the run logs, evaluates and checkpoints, how many held-out examples an
 * evaluation decodes, the thread count, the early-stop rule, and the sections used only after training
 * ({@code navigate}, {@code spectral}).
 */
public final class ResumeCheck {
    /** Dotted keys (or whole sections) a resume may change. */
    public static final List<String> MAY_CHANGE = List.of("train.logInterval", "train.evalInterval",
            "train.evalExamples", "train.checkpointInterval", "train.threads", "train.stopAt", "navigate", "spectral");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResumeCheck() {}

    /**
     * Refuses {@code requested} when it differs from the run's {@code saved} config in a key that may not change.
     *
     * @throws IllegalArgumentException naming the first such key and both values
     */
    public static void check(LabConfig saved, LabConfig requested, Path runDir) {
        try {
            compare(JSON.readTree(ConfigLoader.toJson(saved)), JSON.readTree(ConfigLoader.toJson(requested)), "", runDir);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void compare(JsonNode saved, JsonNode requested, String prefix, Path runDir) {
        if (MAY_CHANGE.stream().anyMatch(k -> prefix.equals(k + ".") || prefix.startsWith(k + "."))) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = saved.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode other = requested.path(e.getKey());
            if (e.getValue().isObject() && other.isObject()) {
                compare(e.getValue(), other, key + ".", runDir);
            } else if (!e.getValue().equals(other) && !MAY_CHANGE.contains(key)) {
                throw new IllegalArgumentException("resume " + runDir + ": " + key + " may not change on resume (the run has "
                        + e.getValue() + ", requested " + other + "); start a new run with --out instead");
            }
        }
    }
}
