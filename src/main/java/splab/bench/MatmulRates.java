package splab.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.HashMap;
import java.util.Map;

import splab.sweep.LaunchOptions;
import splab.train.NativeBlas;

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
     * Names the BLAS serving the engine's float32 products ({@link NativeBlas}: a preloaded OpenBLAS, or the oneMKL
     * linked into libtorch_cpu.so) and the CPU, since oneMKL chooses its kernels by CPU vendor.
     */
    static String blasPath() {
        boolean mkl = NativeBlas.openBlasPath().isEmpty();
        return NativeBlas.describe() + " on " + cpuModel(mkl);
    }

    private static String cpuModel(boolean mkl) {
        LaunchOptions.Cpu cpu = LaunchOptions.Cpu.current();
        return cpu.model() + (cpu.flags().contains("avx512f") ? ", AVX-512" : "")
                + (cpu.intel() || !mkl ? "" : " (not Intel: oneMKL takes a generic code path)");
    }
}
