package splab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import splab.analysis.Claim2Results;

class Claim2SectionTest {
    private static final List<String> METRICS = List.of("alignment:trained", "alignment:untrained",
            "alignment:endpoint_matched", "alignment:token_embedding", "chance", "incidence_share:trained",
            "incidence_share:untrained", "incidence_share:eigenvectors", "node_alignment:trained",
            "node_alignment:untrained", "node_chance", "node_signless:trained", "node_signless:untrained",
            "residual_alignment:trained", "residual_alignment:untrained", "residual_chance");

    @TempDir
    Path dir;

    /** A layer whose every value is undefined (as {@code embed} is, where all edge positions hold one vector). */
    @Test
    void comparisonsUndefinedOnEveryGraphAreLeftOutOfTheTableButKeptInTheFile() throws Exception {
        int graphs = 6;
        Map<String, Map<String, double[]>> values = new LinkedHashMap<>();
        Map<String, double[]> none = new LinkedHashMap<>();
        Map<String, double[]> some = new LinkedHashMap<>();
        for (String m : METRICS) {
            double[] nan = new double[graphs];
            Arrays.fill(nan, Double.NaN);
            none.put(m, nan);
            double[] v = new double[graphs];
            for (int i = 0; i < graphs; i++) {
                v[i] = (m.hashCode() % 7 + 8) / 20.0 + 0.01 * i;
            }
            some.put(m, v);
        }
        values.put("embed", none);
        values.put("blocks.0.resid_post", some);
        int[] n = new int[graphs], m = new int[graphs], k = new int[graphs];
        Arrays.fill(n, 6);
        Arrays.fill(m, 9);
        Arrays.fill(k, 3);
        Claim2Results c = new Claim2Results(List.of("embed", "blocks.0.resid_post"), "blocks.0.resid_post", n, m, k,
                values, null);

        Report report = new Report("claim 2");
        Claim2Section.append(report, dir, c, 200, 1L);
        String md = report.markdown();

        assertFalse(md.contains("undefined (no graph with both values)"), md);
        assertFalse(md.contains("| `embed` |"), "no table row for a layer without a defined comparison");
        assertTrue(md.contains("| `blocks.0.resid_post` | more spectral than the embedding table's endpoint sums?"), md);
        assertTrue(md.contains("(8 at `embed`)"), "the left-out rows are counted: " + md);
        List<String> csv = Files.readAllLines(dir.resolve("claim2/comparisons.csv"));
        assertEquals(1 + 16, csv.size(), "every comparison of both layers stays in comparisons.csv");
        assertEquals(8, csv.stream().filter(l -> l.startsWith("embed,") && l.contains(",0,")).count());
    }
}
