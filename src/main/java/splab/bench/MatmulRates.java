package splab.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Float32 matrix-product rates of the engine on this machine: the ceiling that model-FLOPs utilisation is
 * measured against, and which BLAS library and CPU produced it.
 */
public final class MatmulRates {

    /** The best rate found, the shape that gave it, and the BLAS path measured. */
    public record Best(double gflops, String shape, String blas) {
    }

    /** Shapes tried (m, k, n): square products and the model's own tall-skinny products. */
    private static final int[][] SHAPES = {{512, 512, 512}, {1024, 1024, 1024}, {2048, 2048, 2048},
        {4096, 128, 512}, {4096, 512, 128}, {4096, 128, 384}};

    private static final Map<Integer, Best> BEST = new HashMap<>();

    private MatmulRates() {
    }

    /** The best of {@link #SHAPES} at the engine's current thread count, measured once per count. */
    public static synchronized Best best(int threads) {
        return BEST.computeIfAbsent(threads, t -> {
            double best = 0;
            String shape = "";
            for (int[] s : SHAPES) {
                double rate = gflops(s[0], s[1], s[2], s[0] * (long) s[1] * s[2] > 1L << 30 ? 3 : 8);
                if (rate > best) {
                    best = rate;
                    shape = s[0] + "x" + s[1] + " . " + s[1] + "x" + s[2];
                }
            }
            return new Best(best, shape, blasPath());
        });
    }

    /** GFLOP/s of an [m, k] x [k, n] float32 product (2 m k n operations), best of {@code repeats}. */
    public static double gflops(int m, int k, int n, int repeats) {
        Engine.getEngine("PyTorch");
        double best = Double.MAX_VALUE;
        try (NDManager nd = NDManager.newBaseManager()) {
            NDArray a = nd.randomUniform(-1, 1, new Shape(m, k));
            NDArray b = nd.randomUniform(-1, 1, new Shape(k, n));
            a.matMul(b).close(); // warm-up
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0); // CPU operations are synchronous; this only makes the dependency explicit
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                c.close();
            }
        }
        return 2.0 * m * k * n / best / 1e9;
    }

    /**
     * Names the BLAS the engine's natives carry (oneMKL is linked into libtorch_cpu.so; a separate OpenBLAS or
     * MKL library would show among the mapped files) and the CPU, since MKL chooses its kernels by CPU vendor.
     */
    static String blasPath() {
        String libs = "unknown BLAS";
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            var names = maps.map(l -> l.substring(l.lastIndexOf(' ') + 1)).filter(l -> l.endsWith(".so")
                    || l.contains(".so.")).map(l -> l.substring(l.lastIndexOf('/') + 1)).distinct().toList();
            boolean torch = names.stream().anyMatch(l -> l.startsWith("libtorch_cpu"));
            String other = names.stream().filter(l -> l.toLowerCase(Locale.ROOT).matches(".*(openblas|mkl|blis).*"))
                    .findFirst().orElse(null);
            libs = other != null ? other : torch ? "oneMKL inside libtorch_cpu.so" : libs;
        } catch (IOException | RuntimeException e) {
            // not Linux: leave the library unnamed
        }
        return libs + " on " + cpuModel();
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            var info = lines.toList();
            String model = info.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
            boolean avx512 = info.stream().anyMatch(l -> l.startsWith("flags") && l.contains(" avx512f"));
            boolean intel = info.stream().anyMatch(l -> l.startsWith("vendor_id") && l.contains("GenuineIntel"));
            return model + (avx512 ? ", AVX-512" : "") + (intel ? "" : " (not Intel: MKL may take a generic code path)");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
