package splab.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process settings every {@code splab} JVM should start with, applied by the launcher when it starts itself
 * again and by {@link SplabLauncher} for a sweep's runs.
 *
 * <p>Environment (read by native code when the process starts, so it must precede the JVM):
 * {@code OMP_WAIT_POLICY=PASSIVE} (spinning OpenMP threads make training 10-18x slower on a shared 2-core
 * machine); {@code MALLOC_ARENA_MAX=2} (fewer glibc arenas, less resident memory held by idle threads); large
 * {@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_} and {@code MALLOC_TOP_PAD_}, so the engine's
 * activation buffers (several MB each, allocated and freed many times per step) are reused from the heap
 * instead of being mapped, page-faulted and unmapped at every operation. A variable the user set is kept.
 *
 * <p>JVM: a 1 GB heap with the serial collector (the lab's Java data is small once loaded; the parallel
 * collectors' threads and their larger default heap compete with the engine for two cores and raise resident
 * memory). An option of the same kind given by the user wins.
 */
public final class LaunchOptions {

    private static final Map<String, String> ENVIRONMENT = new LinkedHashMap<>();

    static {
        ENVIRONMENT.put("OMP_WAIT_POLICY", "PASSIVE");
        ENVIRONMENT.put("MALLOC_ARENA_MAX", "2");
        ENVIRONMENT.put("MALLOC_MMAP_THRESHOLD_", "268435456");
        ENVIRONMENT.put("MALLOC_TRIM_THRESHOLD_", "268435456");
        ENVIRONMENT.put("MALLOC_TOP_PAD_", "67108864");
    }

    private LaunchOptions() {
    }

    /** The settings missing from {@code current}, with their values. */
    public static Map<String, String> missingEnvironment(Map<String, String> current) {
        Map<String, String> out = new LinkedHashMap<>();
        ENVIRONMENT.forEach((k, v) -> {
            if (!current.containsKey(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Heap and collector options, leaving out any kind the {@code given} JVM arguments already set. */
    public static List<String> jvmOptions(List<String> given) {
        boolean heap = given.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM"));
        boolean gc = given.stream().anyMatch(a -> a.matches("-XX:\\+Use\\w*GC"));
        List<String> out = new java.util.ArrayList<>();
        if (!heap) {
            out.add("-Xmx1g");
        }
        if (!gc) {
            out.add("-XX:+UseSerialGC");
        }
        return out;
    }
}
