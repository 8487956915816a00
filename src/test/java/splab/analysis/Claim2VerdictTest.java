package splab.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class Claim2VerdictTest {
    private static final String LAYER = "blocks.0.resid_post";
    private static final int GRAPHS = 40;

    /** Values of every metric the verdict reads; per graph, a small spread around the given mean. */
    private static Claim2Results results(double trained, double tokenSums, double residual, double residualChance) {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("alignment:trained", spread(trained, 0));
        v.put("alignment:untrained", spread(0.3, 1));
        v.put("alignment:endpoint_matched", spread(0.55, 2));
        v.put("alignment:token_embedding", spread(tokenSums, 3));
        v.put("chance", spread(0.25, 4));
        v.put("incidence_share:trained", spread(0.99, 5));
        v.put("incidence_share:untrained", spread(0.6, 6));
        v.put("incidence_share:eigenvectors", spread(0.97, 7));
        v.put("node_alignment:trained", spread(0.5, 8));
        v.put("node_alignment:untrained", spread(0.4, 9));
        v.put("node_chance", spread(0.4, 10));
        v.put("node_signless:trained", spread(0.5, 11));
        v.put("node_signless:untrained", spread(0.5, 12));
        v.put("residual_alignment:trained", spread(residual, 13));
        v.put("residual_alignment:untrained", spread(residualChance, 14));
        v.put("residual_chance", spread(residualChance, 15));
        int[] n = new int[GRAPHS], m = new int[GRAPHS], k = new int[GRAPHS];
        Arrays.fill(n, 8);
        Arrays.fill(m, 14);
        Arrays.fill(k, 3);
        return new Claim2Results(List.of(LAYER), LAYER, n, m, k, Map.of(LAYER, v), null);
    }

    private static double[] spread(double mean, int salt) {
        double[] x = new double[GRAPHS];
        for (int i = 0; i < GRAPHS; i++) {
            x[i] = mean + 0.01 * (((i * 7 + salt * 3) % 11) - 5) / 5.0;
        }
        return x;
    }

    private static String verdict(Claim2Results c) {
        return String.join("\n", Claim2Verdict.sentences(c, Claim2Verdict.comparisons(c, 500, 1L)));
    }

    /** Above the embedding table's sums but all inside the incidence span: not "beyond incidence". */
    @Test
    void beatingTheEmbeddingTableInsideTheIncidenceSpanIsNotCalledBeyondIncidence() {
        String s = verdict(results(0.82, 0.80, 0.30, 0.30));
        assertTrue(s.contains("Spectral beyond incidence: **not shown**"), s);
        assertTrue(s.contains("**more spectral than the embedding table's rows**"), s);
        assertTrue(s.contains("not over training seeds"), s);
        assertFalse(s.contains("**supported**"), s);
    }

    @Test
    void aboveBothSumsWithAnAlignedPartOutsideTheSpanIsSupported() {
        String s = verdict(results(0.82, 0.80, 0.45, 0.30));
        assertTrue(s.contains("Spectral beyond incidence: **supported**"), s);
    }

    @Test
    void noBetterThanTheEmbeddingTableIsNotShownWithoutTheInSpanRemark() {
        String s = verdict(results(0.80, 0.80, 0.45, 0.30));
        assertTrue(s.contains("Spectral beyond incidence: **not shown**"), s);
        assertTrue(s.contains("what endpoint sums alone would give"), s);
        assertFalse(s.contains("more spectral than the embedding table's rows"), s);
    }
}
