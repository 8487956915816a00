package splab.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import splab.config.ConfigLoader;
import splab.io.AtomicFiles;

/**
 * The runs of one sweep and the command that makes each, saved as {@code sweep.json} in the sweep folder so that
 * a rerun, {@code --print-commands} and {@code --collect} all see the same list. Every run is an ordinary run
 * folder ({@code splab run --out DIR}): resumable, inspectable and reportable on its own.
 *
 * @param base the base config file (null: the embedded defaults)
 * @param folder the sweep folder
 * @param runs the runs in grid order
 */
public record SweepPlan(Path base, Path folder, List<Run> runs) {
    public static final String PLAN_FILE = "sweep.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One run of the sweep: its grid point, its folder and its {@code splab run} arguments. */
    public record Run(String name, String setting, Map<String, String> values, long seed, Path folder, List<String> args) {
        /** A run is finished once {@code splab run} wrote {@code run.json}, its last act. */
        public boolean finished() {
            return Files.isRegularFile(folder.resolve("run.json"));
        }
    }

    /**
     * Plans {@code grid} on {@code base} with {@code baseOverrides} ({@code key=value}, applied before the grid's)
     * into {@code folder}. Every point's config is resolved first, so a key the config does not have or a value
     * of the wrong type stops the sweep before any run starts.
     */
    public static SweepPlan of(Path base, List<String> baseOverrides, SweepGrid grid, Path folder) {
        Path absBase = base == null ? null : base.toAbsolutePath().normalize();
        Path absFolder = folder.toAbsolutePath().normalize();
        List<Run> runs = new ArrayList<>();
        for (SweepGrid.Point p : grid.points()) {
            List<String> all = new ArrayList<>(baseOverrides);
            all.addAll(p.overrides());
            try {
                ConfigLoader.load(absBase, all);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sweep point " + p.settingLabel() + " seed " + p.seed() + ": " + e.getMessage(), e);
            }
            Path runFolder = absFolder.resolve(p.folderName());
            List<String> args = new ArrayList<>(List.of("run"));
            if (absBase != null) {
                args.addAll(List.of("--config", absBase.toString()));
            }
            baseOverrides.forEach(o -> args.addAll(List.of("--set", o)));
            p.setting().forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
            args.addAll(List.of("--seed", Long.toString(p.seed()), "--out", runFolder.toString()));
            runs.add(new Run(p.folderName(), p.settingLabel(), p.setting(), p.seed(), runFolder, args));
        }
        return new SweepPlan(absBase, absFolder, runs);
    }

    /**
     * Saves the plan as {@code sweep.json}. A folder that already holds a plan for other runs is refused, so two
     * sweeps never mix in one folder.
     */
    public void save() {
        Path file = folder.resolve(PLAN_FILE);
        if (Files.exists(file)) {
            SweepPlan old = load(folder);
            if (!old.runNames().equals(runNames())) {
                throw new IllegalArgumentException(folder + " holds another sweep (" + file
                        + " lists other runs); choose another --out or remove it");
            }
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("base", base == null ? null : base.toString());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Run r : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("setting", r.setting());
            m.put("values", r.values());
            m.put("seed", r.seed());
            m.put("args", r.args());
            list.add(m);
        }
        tree.put("runs", list);
        AtomicFiles.ensureWritableDirectory(folder);
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(tree) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code folder/sweep.json}; run folders are the plan's names inside {@code folder}. */
    public static SweepPlan load(Path folder) {
        Path file = folder.resolve(PLAN_FILE);
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(folder + " is not a sweep folder: " + file + " not found", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": malformed JSON at line " + e.getLocation().getLineNr(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        JsonNode list = tree.path("runs");
        if (!list.isArray()) {
            throw new IllegalArgumentException(file + ": no 'runs' list");
        }
        Path absFolder = folder.toAbsolutePath().normalize();
        List<Run> runs = new ArrayList<>();
        for (JsonNode r : list) {
            String name = r.path("name").asText("");
            if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
                throw new IllegalArgumentException(file + ": a run without a plain folder name: '" + name + "'");
            }
            Map<String, String> values = new LinkedHashMap<>();
            r.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            List<String> args = new ArrayList<>();
            r.path("args").forEach(a -> args.add(a.asText()));
            runs.add(new Run(name, r.path("setting").asText(), values, r.path("seed").asLong(), absFolder.resolve(name), args));
        }
        JsonNode base = tree.path("base");
        return new SweepPlan(base.isTextual() ? Path.of(base.asText()) : null, absFolder, runs);
    }

    private List<String> runNames() {
        return runs.stream().map(Run::name).toList();
    }
}
