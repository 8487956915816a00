package splab.config;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import splab.io.AtomicFiles;

/**
 * Where a result came from: the software and machine, the seed, the command, the git commit, hashes of the
 * data, and wall times. Saved as {@code run.json} beside every result, in the habit of Tribuo's provenance.
 */
public final class Provenance {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();

    /** Starts a record for {@code command} with the machine and library facts filled in. */
    public static Provenance start(String command, List<String> args, long seed) {
        Provenance p = new Provenance();
        p.put("command", command);
        p.put("args", args);
        p.put("seed", seed);
        p.put("started", Instant.now().toString());
        p.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        p.put("cores", Runtime.getRuntime().availableProcessors());
        p.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        p.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        p.put("jgrapht", mavenVersion("org.jgrapht", "jgrapht-core"));
        p.put("djl", manifestVersion("ai.djl.Device"));
        p.put("pytorchNative", propertyVersion("/native/lib/pytorch.properties"));
        p.put("blas", splab.train.NativeBlas.describe());
        p.put("ompWaitPolicy", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        p.put("mallocSettings", System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("MALLOC_"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
        p.put("gitCommit", gitCommit());
        return p;
    }

    public Provenance put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Records elapsed wall time since start under {@code key} (seconds). */
    public Provenance time(String key) {
        fields.put(key, Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3);
        return this;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** Writes the record as JSON, atomically, with the finish time. */
    public void save(Path file) {
        fields.put("finished", Instant.now().toString());
        time("wallSeconds");
        AtomicFiles.write(file, w -> JSON.writeValue(w, fields));
    }

    /** SHA-256 over the given files' bytes, in order (hex), so a dataset can be recognised. */
    public static String sha256(List<Path> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        md.update(buf, 0, r);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    /**
     * The Specification-Version of the jar holding {@code className} (DJL's jars carry no pom.properties),
     * or "unknown"; the class is not initialised, so no engine starts.
     */
    static String manifestVersion(String className) {
        try {
            Package pkg = Class.forName(className, false, Provenance.class.getClassLoader()).getPackage();
            String v = pkg == null ? null : pkg.getSpecificationVersion();
            return v == null ? "unknown" : v;
        } catch (ClassNotFoundException | LinkageError e) {
            return "unknown";
        }
    }

    /** The {@code version} key of a properties resource (the PyTorch native jar's), or "unknown". */
    static String propertyVersion(String resource) {
        try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A dependency's version from the pom.properties inside its jar, or "unknown". */
    static String mavenVersion(String group, String artifact) {
        return propertyVersion("/META-INF/maven/" + group + "/" + artifact + "/pom.properties");
    }

    /** The commit of the working directory's git checkout, with "+dirty" for local changes, or "unknown". */
    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty=+dirty", "--abbrev=40")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }
}
