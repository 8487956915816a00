package splab.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import splab.io.AtomicFiles;
import splab.io.LegacyKeys;

/**
 * Resolves a {@link LabConfig}: the defaults in code, then a JSON file, then {@code key=value} overrides with
 * dotted keys ({@code data.nMax=8}). A key the defaults do not have, or a value of another type than the
 * default's, is an error naming the key, the value and where it came from.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private ConfigLoader() {}

    /** Resolves defaults, then {@code file} (may be null), then {@code overrides} in order. */
    public static LabConfig load(Path file, List<String> overrides) {
        ObjectNode tree = JSON.valueToTree(LabConfig.defaults());
        if (file != null) {
            JsonNode user;
            try {
                user = JSON.readTree(Files.readString(file));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("config file not found: " + file, e);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("config " + file + ": malformed JSON at line "
                        + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read config " + file + ": " + AtomicFiles.describe(e), e);
            }
            if (user == null || !user.isObject()) {
                throw new IllegalArgumentException("config " + file + ": expected a JSON object at the top");
            }
            LegacyKeys.foldSeedCopies((ObjectNode) user, LabConfig.defaults().seed(), "config " + file);
            merge(tree, (ObjectNode) user, "", "config " + file);
        }
        for (String o : overrides) {
            applyOverride(tree, o);
        }
        return bind(tree);
    }

    /** The saved config of a run folder ({@code DIR/config.json}); an error when the folder holds none. */
    public static LabConfig ofRun(Path runDir) {
        Path file = runDir.resolve("config.json");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(runDir + " is not a run folder (no config.json)");
        }
        return load(file, List.of());
    }

    /** Writes the resolved config, every key included, atomically. */
    public static void save(LabConfig config, Path file) {
        AtomicFiles.write(file, w -> JSON.writeValue(w, config));
    }

    /** The resolved config as pretty JSON. */
    public static String toJson(LabConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from, String prefix, String origin) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode current = into.get(e.getKey());
            if (current == null) {
                throw new IllegalArgumentException(origin + ": unknown key '" + key + "'" + known(into, prefix));
            }
            if (current.isObject()) {
                if (!e.getValue().isObject()) {
                    throw new IllegalArgumentException(origin + ": key '" + key + "' is a section and needs an object, got "
                            + e.getValue());
                }
                merge((ObjectNode) current, (ObjectNode) e.getValue(), key + ".", origin);
            } else {
                checkType(current, e.getValue(), key, origin);
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private static void applyOverride(ObjectNode tree, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set '" + assignment + "' is not of the form key=value");
        }
        String key = assignment.substring(0, eq).strip();
        String legacy = LegacyKeys.seedCopyOverride(key);
        if (legacy != null) {
            throw new IllegalArgumentException(legacy);
        }
        String text = assignment.substring(eq + 1).strip();
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                throw new IllegalArgumentException("--set: unknown key '" + key + "'");
            }
            node = (ObjectNode) child;
        }
        String leaf = parts[parts.length - 1];
        JsonNode current = node.get(leaf);
        if (current == null || current.isObject()) {
            String prefix = key.contains(".") ? key.substring(0, key.lastIndexOf('.') + 1) : "";
            throw new IllegalArgumentException("--set: unknown key '" + key + "'" + known(node, prefix));
        }
        JsonNode value;
        try {
            value = current.isTextual() ? TextNode.valueOf(text) : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            value = TextNode.valueOf(text);
        }
        if (value == null || value.isMissingNode()) {
            value = TextNode.valueOf(text);
        }
        checkType(current, value, key, "--set");
        node.set(leaf, value);
    }

    private static void checkType(JsonNode def, JsonNode value, String key, String origin) {
        boolean ok;
        String expected;
        if (def.isIntegralNumber()) {
            ok = value.isIntegralNumber();
            expected = "an integer";
        } else if (def.isNumber()) {
            ok = value.isNumber();
            expected = "a number";
        } else if (def.isBoolean()) {
            ok = value.isBoolean();
            expected = "true or false";
        } else if (def.isTextual()) {
            ok = value.isTextual();
            expected = "a string";
        } else if (def.isArray()) {
            ok = value.isArray();
            expected = "an array";
        } else {
            ok = true;
            expected = "";
        }
        if (!ok) {
            throw new IllegalArgumentException(origin + ": key '" + key + "' expects " + expected + ", got " + value);
        }
    }

    private static String known(ObjectNode node, String prefix) {
        StringBuilder sb = new StringBuilder(" (known: ");
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            sb.append(prefix).append(names.next());
            if (names.hasNext()) {
                sb.append(", ");
            }
        }
        return sb.append(')').toString();
    }

    private static LabConfig bind(ObjectNode tree) {
        try {
            return JSON.treeToValue(tree, LabConfig.class);
        } catch (InvalidFormatException e) {
            throw new IllegalArgumentException(notAllowed(e), e);
        } catch (JsonProcessingException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException(cause != null ? cause.getMessage() : "config: " + e.getOriginalMessage(), e);
        }
    }

    /** "key 'a.b': 'x' is not one of p, q" for a value outside an enum, else Jackson's own message. */
    private static String notAllowed(InvalidFormatException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            key.append(key.length() == 0 ? "" : ".").append(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
        }
        Class<?> type = e.getTargetType();
        if (type == null || !type.isEnum()) {
            return "config: key '" + key + "': " + e.getOriginalMessage();
        }
        StringBuilder allowed = new StringBuilder();
        for (Object c : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
        }
        return "config: key '" + key + "': '" + rejectedText(e) + "' is not one of " + allowed + " (either case)";
    }

    /**
     * The value as the user wrote it: Jackson trims an enum string before matching, so the exception's value loses
     * leading or trailing control characters; the parser still holds the original text.
     */
    private static String rejectedText(InvalidFormatException e) {
        try {
            if (e.getProcessor() instanceof JsonParser parser && parser.getText() != null) {
                return parser.getText();
            }
        } catch (IOException | RuntimeException ignored) {
            // fall back to the trimmed value below
        }
        return String.valueOf(e.getValue());
    }

    /** The defaults as a JSON tree, for documentation and tests. */
    public static ObjectNode defaultsTree() {
        return JSON.valueToTree(LabConfig.defaults());
    }
}
