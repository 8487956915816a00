package splab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * The package dependencies of the compiled main classes, read by the JDK's {@code jdeps} (run in-process through
 * {@link ToolProvider}, so no library is needed), must point down the layer order below: no package may use a
 * package listed after it, which also rules out every cycle.
 */
class PackageLayersTest {
    /** Bottom to top; the README's architecture section draws the same order. */
    static final List<String> LAYERS = List.of("io", "graph", "spectral", "data", "model", "train", "navigate",
            "analysis", "config", "report", "explore", "stage", "sweep", "bench", "cli");

    private static final Pattern EDGE = Pattern.compile("^\\s*splab\\.(\\w+)\\s+->\\s+splab\\.(\\w+)\\s");

    static Map<String, Set<String>> packageDependencies() {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("splab")), "compiled classes expected at " + classes.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("jdeps not in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err),
                "-verbose:package", "-e", "splab\\..*", classes.toString());
        assertEquals(0, status, "jdeps failed: " + err);
        Map<String, Set<String>> deps = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                deps.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        return deps;
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> seen = new TreeSet<>();
        packageDependencies().forEach((from, to) -> {
            seen.add(from);
            seen.addAll(to);
        });
        assertTrue(seen.size() >= 10, "jdeps output not understood, packages seen: " + seen);
        for (String p : seen) {
            assertTrue(LAYERS.contains(p), "package splab." + p + " has no place in PackageLayersTest.LAYERS");
        }
    }

    @Test
    void dependenciesPointDownOnly() {
        List<String> upward = new ArrayList<>();
        packageDependencies().forEach((from, targets) -> {
            for (String to : targets) {
                if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
                    upward.add("splab." + from + " -> splab." + to);
                }
            }
        });
        assertEquals(List.of(), upward, "dependencies that point up the layer order (or close a cycle)");
    }

    @Test
    void plainMathAndGraphsKnowNoModel() {
        Map<String, Set<String>> deps = packageDependencies();
        for (String low : List.of("io", "graph", "spectral")) {
            for (String to : deps.getOrDefault(low, Set.of())) {
                assertTrue(List.of("io", "graph").contains(to), "splab." + low + " depends on splab." + to);
            }
        }
    }
}
