package splab.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchOptionsTest {

    private static final String DEBIAN = LaunchOptions.OPENBLAS_CANDIDATES.get(0);
    private static final Predicate<String> INSTALLED = DEBIAN::equals;
    private static final Predicate<String> ABSENT = f -> false;
    private static final LaunchOptions.Cpu AMD_AVX512 = new LaunchOptions.Cpu("AuthenticAMD",
            Set.of("sse2", "avx2", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"));
    private static final LaunchOptions.Cpu AMD_AVX2 = new LaunchOptions.Cpu("AuthenticAMD", Set.of("sse2", "avx2"));
    private static final LaunchOptions.Cpu INTEL = new LaunchOptions.Cpu("GenuineIntel", AMD_AVX512.flags());

    @Test
    void amdWithAvx512PreloadsOpenBlasWithItsAvx512Kernels() {
        Map<String, String> env = LaunchOptions.blasEnvironment(Map.of(), AMD_AVX512, INSTALLED);
        assertEquals(Map.of("LD_PRELOAD", DEBIAN, "OPENBLAS_CORETYPE", "SKYLAKEX"), env);
    }

    @Test
    void withoutAvx512KernelsAutoKeepsOneMkl() {
        assertTrue(LaunchOptions.blasEnvironment(Map.of(), AMD_AVX2, INSTALLED).isEmpty());
        // a machine that pins OpenBLAS to its AVX2 kernels keeps oneMKL, and its pin is respected
        assertTrue(LaunchOptions.blasEnvironment(Map.of("OPENBLAS_CORETYPE", "Haswell"), AMD_AVX512, INSTALLED)
                .isEmpty());
        assertEquals(Map.of("LD_PRELOAD", DEBIAN), LaunchOptions.blasEnvironment(
                Map.of("OPENBLAS_CORETYPE", "SkylakeX"), AMD_AVX512, INSTALLED), "an AVX-512 pin is kept as given");
        assertEquals(Map.of("LD_PRELOAD", DEBIAN), LaunchOptions.blasEnvironment(
                Map.of("SPLAB_BLAS", "openblas"), AMD_AVX2, INSTALLED), "asked for, OpenBLAS picks its own kernels");
    }

    @Test
    void intelKeepsOneMklUnlessOpenBlasIsAskedFor() {
        assertTrue(LaunchOptions.blasEnvironment(Map.of(), INTEL, INSTALLED).isEmpty());
        Map<String, String> asked = LaunchOptions.blasEnvironment(Map.of("SPLAB_BLAS", "openblas"), INTEL, INSTALLED);
        assertEquals(Map.of("LD_PRELOAD", DEBIAN), asked, "Intel gets OpenBLAS's own kernel choice");
    }

    @Test
    void mklOrAnOpenBlasAlreadyPreloadedChangesNothing() {
        assertTrue(LaunchOptions.blasEnvironment(Map.of("SPLAB_BLAS", "mkl"), AMD_AVX512, INSTALLED).isEmpty());
        // the relaunched process sees its own preload and must not ask for another restart
        assertTrue(LaunchOptions.blasEnvironment(Map.of("LD_PRELOAD", DEBIAN), AMD_AVX512, INSTALLED).isEmpty());
    }

    @Test
    void theUsersSettingsAreKept() {
        Map<String, String> env = LaunchOptions.blasEnvironment(Map.of("SPLAB_BLAS", "openblas", "LD_PRELOAD",
                "/opt/libtrace.so", "OPENBLAS_CORETYPE", "ZEN", "OMP_NUM_THREADS", "1"), AMD_AVX512, INSTALLED);
        assertEquals(DEBIAN + " /opt/libtrace.so", env.get("LD_PRELOAD"));
        assertFalse(env.containsKey("OPENBLAS_CORETYPE"), "the user's core type stays");
        assertEquals("1", env.get("OPENBLAS_NUM_THREADS"), "a sweep job's one thread reaches OpenBLAS too");
    }

    @Test
    void noOpenBlasInstalled() {
        assertTrue(LaunchOptions.blasEnvironment(Map.of(), AMD_AVX512, ABSENT).isEmpty(), "auto falls back to oneMKL");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.blasEnvironment(Map.of("SPLAB_BLAS", "openblas"), AMD_AVX512, ABSENT));
        assertTrue(e.getMessage().contains("apt-get install libopenblas0-pthread"), e.getMessage());
    }

    @Test
    void anUnknownChoiceIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.blasEnvironment(Map.of("SPLAB_BLAS", "blis"), AMD_AVX512, INSTALLED));
        assertEquals("SPLAB_BLAS takes auto, mkl or openblas, got 'blis'", e.getMessage());
    }

    @Test
    void theProcessReaperGetsAFullStackOnce() {
        assertTrue(LaunchOptions.jvmOptions(List.of()).contains("-Djdk.lang.processReaperUseDefaultStackSize=true"));
        assertFalse(LaunchOptions.jvmOptions(List.of("-Djdk.lang.processReaperUseDefaultStackSize=false")).stream()
                .anyMatch(a -> a.startsWith("-Djdk.lang.processReaper")));
    }
}
