package splab.train;

import org.junit.jupiter.api.Test;
import splab.sweep.LaunchOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class NativeBlasTest {

    @Test
    void withoutAPreloadTheEnginesOwnBlasServes() {
        assumeFalse(NativeBlas.openBlasPath().isPresent(), "this test JVM was started with an OpenBLAS");
        assertTrue(NativeBlas.describe().startsWith("oneMKL"), NativeBlas.describe());
        assertEquals(0, NativeBlas.openBlasThreads());
    }

    /**
     * A child JVM started with the launcher's BLAS environment forced to OpenBLAS: the engine's products must come
     * out right, OpenBLAS must be the library named, and its threads must follow the setting. Skipped where no
     * OpenBLAS is installed (`.ci/run` installs one).
     */
    @Test
    void aPreloadedOpenBlasServesTheEnginesProductsCorrectly() throws IOException, InterruptedException {
        Map<String, String> blas;
        try {
            blas = LaunchOptions.blasEnvironment(Map.of("SPLAB_BLAS", "openblas"), LaunchOptions.Cpu.current(),
                    f -> Path.of(f).toFile().canRead());
        } catch (IllegalArgumentException e) {
            org.junit.jupiter.api.Assumptions.abort("no OpenBLAS installed: " + e.getMessage());
            return;
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(LaunchOptions.jvmOptions(List.of()));
        cmd.addAll(List.of("-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                NativeBlasProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(blas);
        pb.environment().put("OPT_OUT_TRACKING", "true");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("blas OpenBLAS"), out);
        assertTrue(out.contains("openblas threads 1"), out);
        String error = out.lines().filter(l -> l.startsWith("max error ")).findFirst().orElseThrow();
        double worst = Double.parseDouble(error.substring("max error ".length()));
        assertTrue(worst < 1e-3, "products differ from the exact ones by " + worst);
    }
}
