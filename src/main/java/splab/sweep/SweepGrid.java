package splab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid of config settings crossed with seeds. Each axis is one dotted config key with its values
 * ({@code model.heads=1,2,4,8}); the grid is every combination of one value per axis, in the order the axes
 * were given, each run once per seed.
 *
 * @param axes the axes in the order given (key to its values, in order)
 * @param seeds the seeds every setting is run with
 */
public record SweepGrid(Map<String, List<String>> axes, List<Long> seeds) {

    public SweepGrid {
        axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one seed");
        }
        if (new java.util.HashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("--seeds: the same seed twice in " + seeds);
        }
    }

    /** One setting of the grid run with one seed. */
    public record Point(Map<String, String> setting, long seed) {
        public Point {
            setting = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(setting));
        }

        /** The run folder's name: {@code model.heads-4_seed-2}; characters a shell would trip on become '-'. */
        public String folderName() {
            StringBuilder sb = new StringBuilder();
            setting.forEach((k, v) -> sb.append(safe(k)).append('-').append(safe(v)).append('_'));
            return sb.append("seed-").append(seed).toString();
        }

        /** The setting alone, without the seed: {@code model.heads=4} (all seeds of a setting share it). */
        public String settingLabel() {
            if (setting.isEmpty()) {
                return "base";
            }
            List<String> parts = new ArrayList<>();
            setting.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(" ", parts);
        }

        /** The {@code --set} overrides of this point, seed included. */
        public List<String> overrides() {
            List<String> out = new ArrayList<>();
            setting.forEach((k, v) -> out.add(k + "=" + v));
            out.add("seed=" + seed);
            return out;
        }

        private static String safe(String s) {
            return s.replaceAll("[^A-Za-z0-9._]", "-");
        }
    }

    /**
     * Parses {@code --grid} arguments ({@code key=v1,v2,...}, one axis each) and the seeds: {@code seeds}
     * counts them from {@code firstSeed} ({@code 3} from 1 gives 1, 2, 3).
     */
    public static SweepGrid parse(List<String> gridArgs, int seeds, long firstSeed) {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (String arg : gridArgs) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || eq == arg.length() - 1) {
                throw new IllegalArgumentException("--grid '" + arg + "': expected KEY=V1,V2,... (e.g. model.heads=1,2,4)");
            }
            String key = arg.substring(0, eq).strip();
            if (key.equals("seed")) {
                throw new IllegalArgumentException("--grid '" + arg + "': seeds are given with --seeds, not as an axis");
            }
            List<String> values = new ArrayList<>();
            for (String v : arg.substring(eq + 1).split(",", -1)) {
                String value = v.strip();
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("--grid '" + arg + "': an empty value");
                }
                if (values.contains(value)) {
                    throw new IllegalArgumentException("--grid '" + arg + "': the value '" + value + "' twice");
                }
                values.add(value);
            }
            if (axes.put(key, values) != null) {
                throw new IllegalArgumentException("--grid: the key '" + key + "' is given twice");
            }
        }
        List<Long> seedList = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            seedList.add(firstSeed + i);
        }
        return new SweepGrid(axes, seedList);
    }

    /** Every setting x seed, settings in grid order (the last axis varying fastest), seeds innermost. */
    public List<Point> points() {
        List<Map<String, String>> settings = new ArrayList<>();
        settings.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> s : settings) {
                for (String v : axis.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(s);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            settings = next;
        }
        List<Point> points = new ArrayList<>();
        for (Map<String, String> s : settings) {
            for (long seed : seeds) {
                points.add(new Point(s, seed));
            }
        }
        return points;
    }
}
