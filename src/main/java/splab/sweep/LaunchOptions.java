package splab.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The process settings every {@code splab} JVM should start with, applied by the launcher when it starts itself
 * again and by {@link SplabLauncher} for a sweep's runs.
 *
 * <p>Environment (read by native code when the process starts, so it must precede the JVM):
 * {@code OMP_WAIT_POLICY=PASSIVE} (spinning OpenMP threads make training 10-18x slower on a shared 2-core
 * machine); {@code MALLOC_ARENA_MAX=1} (one glibc arena: the decoding workers then reuse the memory training freed
 * instead of growing a second arena; a 300-step default run peaked at 1,332 MB with one arena and 1,459 MB with
 * two, side by side); large
 * {@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_} and {@code MALLOC_TOP_PAD_}, so the engine's
 * activation buffers (several MB each, allocated and freed many times per step) are reused from the heap
 * instead of being mapped, page-faulted and unmapped at every operation. A variable the user set is kept.
 *
 * <p>BLAS ({@link #blasEnvironment}): the engine's natives carry oneMKL, which picks its matrix-product kernels by
 * CPU vendor and runs a generic path on AMD processors (about 90 GFLOP/s for a float32 1024 x 1024 product on one
 * core of the AVX-512 EPYC this lab was measured on, where OpenBLAS's AVX-512 kernels make 170-190). On a CPU that
 * is not Intel, when a system OpenBLAS is installed ({@code apt-get install libopenblas0-pthread}), the launcher
 * preloads it: libtorch_cpu.so calls the Fortran {@code sgemm_} through its procedure linkage table, so the
 * preloaded library's {@code sgemm_} serves the engine's float32 products (batched products stay with oneMKL).
 * OpenBLAS 0.3.21 (Debian 12) does not recognise AVX-512 on AMD processors, so {@code OPENBLAS_CORETYPE=SKYLAKEX}
 * selects its AVX-512 kernels when the CPU has the AVX-512 F, CD, BW, DQ and VL extensions those kernels use.
 * {@code SPLAB_BLAS} chooses: {@code auto} (the default) preloads only where OpenBLAS will run AVX-512 kernels
 * (a CPU that is not Intel, with those extensions, and {@code OPENBLAS_CORETYPE} unset or naming an AVX-512 core),
 * since its AVX2 kernels measured no faster than oneMKL's generic path here (slower on two threads);
 * {@code mkl} never preloads; {@code openblas} preloads on any CPU and keeps the user's {@code OPENBLAS_CORETYPE}
 * (an error when no OpenBLAS is found).
 *
 * <p>JVM: a 1 GB heap with the serial collector (the lab's Java data is small once loaded; the parallel
 * collectors' threads and their larger default heap compete with the engine for two cores and raise resident
 * memory). An option of the same kind given by the user wins. The process reaper thread gets a default-sized
 * stack: with a preloaded library's thread-local storage its small stack overflows and every child process
 * started by the JVM then hangs.
 */
public final class LaunchOptions {

    private static final Map<String, String> ENVIRONMENT = new LinkedHashMap<>();

    static {
        ENVIRONMENT.put("OMP_WAIT_POLICY", "PASSIVE");
        ENVIRONMENT.put("MALLOC_ARENA_MAX", "1");
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

    /** Where Debian, Ubuntu, Fedora and friends put OpenBLAS (the threaded build first). */
    static final List<String> OPENBLAS_CANDIDATES = List.of(
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
            "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
            "/usr/lib64/libopenblas.so.0",
            "/usr/lib/libopenblas.so.0");

    /** OpenBLAS core types whose kernels use AVX-512. */
    private static final Set<String> AVX512_CORES = Set.of("SKYLAKEX", "COOPERLAKE", "SAPPHIRERAPIDS");

    /** The AVX-512 extensions OpenBLAS's SkylakeX kernels use. */
    private static final Set<String> SKYLAKEX_FLAGS = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    /** The CPU facts the BLAS choice depends on, from /proc/cpuinfo: vendor id, feature flags and model name. */
    public record Cpu(String vendor, Set<String> flags, String model) {

        public Cpu(String vendor, Set<String> flags) {
            this(vendor, flags, "unknown CPU");
        }

        public static Cpu current() {
            try {
                List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
                String model = field(lines, "model name");
                return new Cpu(field(lines, "vendor_id"),
                        Set.copyOf(java.util.Arrays.asList(field(lines, "flags").split("\\s+"))),
                        model.isEmpty() ? "unknown CPU" : model);
            } catch (IOException | RuntimeException e) {
                return new Cpu("unknown", Set.of());
            }
        }

        private static String field(List<String> lines, String name) {
            return lines.stream().filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
        }

        public boolean intel() {
            return vendor.equals("GenuineIntel");
        }
    }

    /**
     * The environment that makes the engine's float32 products run in a system OpenBLAS (see the class comment),
     * or an empty map when the engine's own oneMKL stays: {@code SPLAB_BLAS=mkl}; under {@code auto} an Intel CPU,
     * a CPU without AVX-512, or an {@code OPENBLAS_CORETYPE} without AVX-512 kernels; no OpenBLAS found; or an
     * OpenBLAS already in {@code LD_PRELOAD}. {@code OPENBLAS_NUM_THREADS} follows
     * {@code OMP_NUM_THREADS} when that is set (a sweep's jobs); the engine sets OpenBLAS's threads to
     * {@code train.threads} again once running. A variable the user set is kept.
     *
     * @throws IllegalArgumentException for a {@code SPLAB_BLAS} value other than auto, mkl and openblas, or
     *     openblas with no OpenBLAS installed
     */
    public static Map<String, String> blasEnvironment(Map<String, String> env, Cpu cpu, Predicate<String> exists) {
        String choice = env.getOrDefault("SPLAB_BLAS", "auto");
        if (!Set.of("auto", "mkl", "openblas").contains(choice)) {
            throw new IllegalArgumentException("SPLAB_BLAS takes auto, mkl or openblas, got '" + choice + "'");
        }
        String preload = env.getOrDefault("LD_PRELOAD", "");
        String coreType = env.get("OPENBLAS_CORETYPE");
        boolean avx512 = !cpu.intel() && cpu.flags().containsAll(SKYLAKEX_FLAGS);
        boolean fastKernels = avx512 && (coreType == null || AVX512_CORES.contains(coreType.toUpperCase(Locale.ROOT)));
        Map<String, String> out = new LinkedHashMap<>();
        if (choice.equals("mkl") || preload.contains("openblas") || (choice.equals("auto") && !fastKernels)) {
            return out;
        }
        String library = OPENBLAS_CANDIDATES.stream().filter(exists).findFirst().orElse(null);
        if (library == null) {
            if (choice.equals("openblas")) {
                throw new IllegalArgumentException("SPLAB_BLAS=openblas but no OpenBLAS found (looked for "
                        + String.join(", ", OPENBLAS_CANDIDATES) + "; apt-get install libopenblas0-pthread)");
            }
            return out;
        }
        out.put("LD_PRELOAD", preload.isBlank() ? library : library + " " + preload);
        if (coreType == null && avx512) {
            out.put("OPENBLAS_CORETYPE", "SKYLAKEX");
        }
        if (!env.containsKey("OPENBLAS_NUM_THREADS") && env.containsKey("OMP_NUM_THREADS")) {
            out.put("OPENBLAS_NUM_THREADS", env.get("OMP_NUM_THREADS"));
        }
        return out;
    }

    /** {@link #missingEnvironment} and {@link #blasEnvironment} for this process and machine. */
    public static Map<String, String> launchEnvironment(Map<String, String> env) {
        Map<String, String> out = missingEnvironment(env);
        out.putAll(blasEnvironment(env, Cpu.current(), f -> Files.isReadable(Path.of(f))));
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
        if (given.stream().noneMatch(a -> a.startsWith("-Djdk.lang.processReaperUseDefaultStackSize"))) {
            out.add("-Djdk.lang.processReaperUseDefaultStackSize=true");
        }
        return out;
    }
}
