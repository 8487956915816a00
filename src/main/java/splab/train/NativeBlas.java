package splab.train;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which BLAS serves the engine's float32 matrix products in this process, and its thread count.
 *
 * <p>The PyTorch natives carry oneMKL. When the launcher has preloaded a system OpenBLAS (see
 * {@code splab.sweep.LaunchOptions}), that library's {@code sgemm_} takes the engine's products instead, and its
 * own thread pool must follow {@code train.threads} like the engine's: {@link #setThreads} calls
 * {@code openblas_set_num_threads} through JNA (a dependency of DJL, declared in the pom).
 */
public final class NativeBlas {

    /** The OpenBLAS entry points used here. */
    interface OpenBlas extends Library {
        void openblas_set_num_threads(int threads);

        int openblas_get_num_threads();

        String openblas_get_config();

        String openblas_get_corename();
    }

    private static volatile Optional<OpenBlas> openBlas;

    private NativeBlas() {
    }

    /** The path of the OpenBLAS mapped into this process, if one is (preloaded or otherwise loaded). */
    public static Optional<String> openBlasPath() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.map(l -> l.substring(l.lastIndexOf(' ') + 1))
                    .filter(p -> p.startsWith("/") && p.substring(p.lastIndexOf('/') + 1).startsWith("libopenblas"))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<OpenBlas> openBlas() {
        if (openBlas == null) {
            synchronized (NativeBlas.class) {
                if (openBlas == null) {
                    Optional<OpenBlas> found = Optional.empty();
                    Optional<String> path = openBlasPath();
                    if (path.isPresent()) {
                        try {
                            found = Optional.of(Native.load(path.get(), OpenBlas.class));
                        } catch (UnsatisfiedLinkError e) {
                            // mapped but not loadable by name: leave its threads alone
                        }
                    }
                    openBlas = found;
                }
            }
        }
        return openBlas;
    }

    /** Sets OpenBLAS's thread count when OpenBLAS is loaded; {@code threads <= 0} leaves its default. */
    public static void setThreads(int threads) {
        if (threads > 0) {
            openBlas().ifPresent(b -> b.openblas_set_num_threads(threads));
        }
    }

    /** OpenBLAS's thread count, or 0 when the engine's oneMKL serves the products. */
    public static int openBlasThreads() {
        return openBlas().map(OpenBlas::openblas_get_num_threads).orElse(0);
    }

    /**
     * A one-line name of the BLAS serving float32 products, e.g. {@code OpenBLAS 0.3.21 (SkylakeX kernels,
     * /usr/lib/...)} or {@code oneMKL inside libtorch_cpu.so}.
     */
    public static String describe() {
        return openBlas().map(b -> {
            String config = b.openblas_get_config();
            String[] words = config == null ? new String[0] : config.trim().split("\\s+");
            String version = words.length >= 2 ? words[0] + " " + words[1] : "OpenBLAS";
            return version + " (" + b.openblas_get_corename() + " kernels, " + openBlasPath().orElse("?")
                    + "; batched products in oneMKL)";
        }).orElse("oneMKL inside libtorch_cpu.so");
    }
}
