package splab.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import splab.graph.AllShortestPaths;
import splab.graph.SmallGraph;

/** The JSON the explorer page embeds, read back as the page reads it. */
class ExplorerDataTest {
    private static ExplorerData data;
    private static JsonNode json;

    @BeforeAll
    static void build() throws Exception {
        data = ExplorerFixture.build(Path.of("runs", "tiny"));
        json = new ObjectMapper().readTree(data.toJson());
    }

    private static SmallGraph graph(JsonNode g) {
        int[][] edges = new int[g.get("edges").size()][];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = new int[] {g.get("edges").get(e).get(0).asInt(), g.get("edges").get(e).get(1).asInt()};
        }
        return SmallGraph.of(g.get("n").asInt(), edges);
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    /** A walk from s along edges of g without repeated vertices (not necessarily reaching t). */
    private static boolean walksAlongEdges(SmallGraph g, int[] path, int s) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < path.length; i++) {
            if (path[i] < 0 || path[i] >= g.nodeCount() || !seen.add(path[i]) || (i > 0 && !g.hasEdge(path[i - 1], path[i]))) {
                return false;
            }
        }
        return path.length > 0 && path[0] == s;
    }

    @Test
    void schemaHasEverySection() {
        for (String key : List.of("run", "layers", "attentionLayers", "heads", "variant", "position", "navigators", "graphs",
                "queries")) {
            assertTrue(json.has(key), "missing " + key);
        }
        assertEquals("tiny", json.get("run").asText());
        assertEquals(List.of("embed", "blocks.0.resid_post", "blocks.1.resid_post"), data.layers());
        assertEquals(2, json.get("attentionLayers").asInt());
        assertEquals(2, json.get("heads").asInt());
        assertTrue(json.get("graphs").size() >= 2 && json.get("graphs").size() <= ExplorerFixture.GRAPHS);
        assertTrue(json.get("queries").size() > json.get("graphs").size(), "several queries per graph");
        for (int i = 0; i < json.get("queries").size(); i++) {
            JsonNode q = json.get("queries").get(i);
            assertEquals(i, q.get("id").asInt(), "ids are places in the list (#query=ID)");
            for (String key : List.of("graph", "s", "t", "d", "shortestPaths", "label", "exact", "model", "sln",
                    "steinerberger", "pcs", "explained", "attention")) {
                assertTrue(q.has(key), "query " + i + " lacks " + key);
            }
            assertTrue(q.get("graph").asInt() < json.get("graphs").size());
        }
    }

    @Test
    void pathsAreWalksInTheEmbeddedGraph() {
        Set<String> outcomes = new HashSet<>();
        for (JsonNode q : json.get("queries")) {
            SmallGraph g = graph(json.get("graphs").get(q.get("graph").asInt()));
            AllShortestPaths paths = new AllShortestPaths(g);
            int s = q.get("s").asInt(), t = q.get("t").asInt(), d = q.get("d").asInt();
            assertEquals(paths.distance(s, t), d);
            assertEquals(paths.pathCount(s, t), q.get("shortestPaths").asLong());
            assertTrue(paths.isShortestPath(ints(q.get("label")), s, t), "label is a shortest path: " + q.get("label"));
            for (String nav : List.of("model", "sln", "steinerberger")) {
                int[] walk = ints(q.get(nav).get("path"));
                String outcome = q.get(nav).get("outcome").asText();
                outcomes.add(nav + ":" + outcome);
                if (outcome.equals("correct")) {
                    assertTrue(paths.isShortestPath(walk, s, t), nav + " correct but " + q.get(nav));
                } else if (outcome.equals("longer")) {
                    assertTrue(walksAlongEdges(g, walk, s) && walk[walk.length - 1] == t && walk.length > d + 1);
                } else if (!nav.equals("model")) {
                    assertTrue(walksAlongEdges(g, walk, s), nav + " walks only along edges: " + q.get(nav));
                }
            }
            int[] model = ints(q.get("model").get("path"));
            assertEquals(q.get("exact").asBoolean(), q.get("model").get("outcome").asText().equals("correct")
                    && java.util.Arrays.equals(model, ints(q.get("label"))));
        }
        assertTrue(outcomes.contains("sln:correct"), "outcomes seen: " + outcomes);
        assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("model:") && !o.equals("model:correct")),
                "the untrained model errs: " + outcomes);
    }

    @Test
    void mistakesComeFirst() {
        boolean seenCorrect = false;
        for (ExplorerData.QueryView q : data.queries()) {
            if (q.model().correct()) {
                seenCorrect = true;
            } else {
                assertFalse(seenCorrect, "model mistake " + q.id() + " listed after a correct answer");
            }
        }
    }

    @Test
    void attentionRowsSumToOneAndSharesMatchTheEdges() {
        for (JsonNode q : json.get("queries")) {
            SmallGraph g = graph(json.get("graphs").get(q.get("graph").asInt()));
            int m = g.edgeCount();
            int[] model = ints(q.get("model").get("path"));
            JsonNode steps = q.get("attention");
            assertEquals(model.length, steps.size(), "one step per position of the model's path");
            for (int i = 0; i < steps.size(); i++) {
                int node = steps.get(i).get("node").asInt();
                assertEquals(model[i], node);
                assertEquals(2, steps.get(i).get("heads").size());
                for (JsonNode layer : steps.get(i).get("heads")) {
                    assertEquals(2, layer.size());
                    for (JsonNode h : layer) {
                        int[] edges = ints(h.get("edges"));
                        assertEquals(m, edges.length);
                        int sum = h.get("bos").asInt() + h.get("query").asInt() + h.get("path").asInt();
                        int cur = 0, tgt = 0;
                        for (int e = 0; e < m; e++) {
                            assertTrue(edges[e] >= 0 && edges[e] <= 1000);
                            sum += edges[e];
                            int[] uv = g.edge(e);
                            cur += uv[0] == node || uv[1] == node ? edges[e] : 0;
                            int t = q.get("t").asInt();
                            tgt += uv[0] == t || uv[1] == t ? edges[e] : 0;
                        }
                        // each part is rounded to a thousandth on its own
                        assertEquals(1000, sum, (m + 3) / 2.0 + 1, "attention row sums to 1");
                        assertEquals(h.get("current").asInt(), cur, m / 2.0 + 1, "share at the current node");
                        assertEquals(h.get("target").asInt(), tgt, m / 2.0 + 1, "share at the target");
                    }
                }
            }
        }
    }

    @Test
    void spectrumAndComponentsHaveOneValuePerEdge() {
        for (ExplorerData.QueryView q : data.queries()) {
            ExplorerData.GraphView g = data.graphs().get(q.graph());
            int m = g.edges().length;
            assertEquals(Math.min(Explorer.EIGENVECTORS, m - 1), g.eigenvectors().length);
            for (int j = 0; j < g.eigenvectors().length; j++) {
                double sum = 0, norm = 0;
                for (double x : g.eigenvectors()[j]) {
                    sum += x;
                    norm += x * x;
                }
                assertEquals(1, norm, 0.01, "unit eigenvector");
                assertEquals(0, sum, 0.01 * m, "orthogonal to the constant eigenvector of the combinatorial Laplacian");
                assertTrue(j == 0 || g.eigenvalues()[j] >= g.eigenvalues()[j - 1], "ascending eigenvalues");
            }
            assertEquals(3, q.pcs().length);
            for (int l = 0; l < 3; l++) {
                // at embed every edge is the same <e> token, so its representations do not vary at all
                assertTrue(q.pcs()[l].length >= (l == 0 ? 0 : 1) && q.pcs()[l].length <= ModelProbe.COMPONENTS);
                assertEquals(q.pcs()[l].length, q.explained()[l].length);
                for (double[] pc : q.pcs()[l]) {
                    assertEquals(m, pc.length);
                }
            }
        }
    }

    @Test
    void layoutIsDeterministicAndSpreadOut() {
        for (ExplorerData.GraphView g : data.graphs()) {
            SmallGraph graph = SmallGraph.of(g.n(), g.edges());
            assertArrayEquals(g.xy(), GraphLayout.of(graph));
            for (int u = 0; u < g.n(); u++) {
                assertTrue(g.xy()[u][0] >= 0 && g.xy()[u][0] <= 1 && g.xy()[u][1] >= 0 && g.xy()[u][1] <= 1);
                for (int v = u + 1; v < g.n(); v++) {
                    double dist = Math.hypot(g.xy()[u][0] - g.xy()[v][0], g.xy()[u][1] - g.xy()[v][1]);
                    assertTrue(dist > 0.05, "nodes " + u + " and " + v + " overlap in " + graph);
                }
            }
        }
    }

    @Test
    void pageInlinesEverythingAndCannotBeClosedByData(@TempDir Path dir) throws Exception {
        ExplorerData hostile = new ExplorerData("x</script><b>", data.layers(), data.attentionLayers(), data.heads(),
                data.variant(), data.position(), data.navigators(), data.graphs(), data.queries());
        String page = ExplorerPage.render(hostile);
        assertFalse(page.contains("{{"), "every placeholder filled");
        assertEquals(2, page.split("</script>", -1).length - 1, "only the page's own script elements close");
        assertFalse(page.contains("src=\"http") || page.contains("href=\"http"), "no network resource");
        Path file = dir.resolve(ExplorerPage.FILE);
        long bytes = ExplorerPage.write(file, data);
        assertEquals(bytes, Files.size(file));
        List<String> left = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.forEach(p -> left.add(p.getFileName().toString()));
        }
        assertEquals(List.of(ExplorerPage.FILE), left, "no temporary file left");
    }
}
