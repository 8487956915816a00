package splab.config;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a resumed run may change. A resume continues the same run: the data, the model, the optimizer, the schedule
 * and the seed are those the checkpoints were made with. Only settings that do not touch the trained parameters may
 * differ: {@code train.threads} (speed only; results can differ in the last bits), {@code train.logInterval} and
 * {@code train.stopAt} (when to end early).
 */
public final class ResumeCheck {
    /** Dotted keys (or prefixes ending in '.') that may change on resume. */
    public static final List<String> MAY_CHANGE = List.of("train.threads", "train.logInterval", "train.stopAt.");

    private ResumeCheck() {}

    /** Refuses {@code requested} when it differs from {@code saved} in a key that may not change. */
    public static void check(LabConfig saved, LabConfig requested, String where) {
        List<String> changed = new ArrayList<>();
        diff(tree(saved), tree(requested), "", changed);
        for (String c : changed) {
            String key = c.substring(0, c.indexOf(' '));
            if (MAY_CHANGE.stream().noneMatch(k -> k.endsWith(".") ? key.startsWith(k) : key.equals(k))) {
                throw new IllegalArgumentException(where + ": " + c + " may not change on resume (only "
                        + String.join(", ", MAY_CHANGE.stream().map(k -> k.endsWith(".") ? k + "*" : k).toList())
                        + " may); start a new run in another folder instead");
            }
        }
    }

    private static JsonNode tree(LabConfig c) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(ConfigLoader.toJson(c));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void diff(JsonNode a, JsonNode b, String prefix, List<String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = a.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode other = b.get(e.getKey());
            String key = prefix + e.getKey();
            if (e.getValue().isObject() && other != null && other.isObject()) {
                diff(e.getValue(), other, key + ".", out);
            } else if (other == null || !other.equals(e.getValue())) {
                out.add(key + " (saved " + e.getValue() + ", given " + other + ")");
            }
        }
    }
}
