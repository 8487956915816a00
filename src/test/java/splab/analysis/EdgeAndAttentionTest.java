package splab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

import splab.data.PathTokenizer;
import splab.data.Vocabulary;
import splab.graph.SmallGraph;

class EdgeAndAttentionTest {
    private final Vocabulary vocab = new Vocabulary(10);
    private final SmallGraph path4 = SmallGraph.of(4, new int[][] {{0, 1}, {1, 2}, {2, 3}});

    @Test
    void edgesAreFoundByTheirTokensWhateverTheShuffle() {
        PathTokenizer tok = new PathTokenizer(vocab);
        for (int seed = 0; seed < 10; seed++) {
            int[] tokens = tok.encodePrompt(4, path4.edges(), 0, 3, new Random(seed));
            int[][] pos = EdgeRepresentations.edgePositions(tokens, path4, vocab);
            for (int e = 0; e < 3; e++) {
                int[] uv = path4.edge(e);
                assertEquals(path4.edgeIndex(tokens[pos[e][0]], tokens[pos[e][1]]), e);
                assertEquals(vocab.edgeEnd(), tokens[pos[e][2]]);
                assertEquals(uv[0] + uv[1], tokens[pos[e][0]] + tokens[pos[e][1]]);
            }
        }
    }

    @Test
    void representationsAreReadAtTheEdgeTokenOrTheEndpointMean() {
        // a [1, T, 2] activation whose value at position p is (p, 10 p)
        int[] tokens = new PathTokenizer(vocab).encodePrompt(4, path4.edges(), 0, 3, null);
        int t = tokens.length;
        float[] act = new float[t * 2];
        for (int p = 0; p < t; p++) {
            act[2 * p] = p;
            act[2 * p + 1] = 10 * p;
        }
        int[][] pos = EdgeRepresentations.edgePositions(tokens, path4, vocab);
        double[][] atE = EdgeRepresentations.extract(act, new long[] {1, t, 2}, 0, pos, EdgeRepresentations.Position.EDGE_TOKEN);
        double[][] mean = EdgeRepresentations.extract(act, new long[] {1, t, 2}, 0, pos, EdgeRepresentations.Position.ENDPOINT_MEAN);
        // unshuffled: edge e is written at 1 + 3e, 2 + 3e, its <e> at 3 + 3e
        for (int e = 0; e < 3; e++) {
            assertArrayEquals(new double[] {3 + 3 * e, 30 + 30 * e}, atE[e], 0);
            assertArrayEquals(new double[] {1.5 + 3 * e, 15 + 30 * e}, mean[e], 0);
        }
    }

    @Test
    void aPromptWithAForeignEdgeIsRejected() {
        int[] tokens = new PathTokenizer(vocab).encodePrompt(4, new int[][] {{0, 1}, {1, 3}, {2, 3}}, 0, 3, null);
        assertThrows(IllegalArgumentException.class, () -> EdgeRepresentations.edgePositions(tokens, path4, vocab));
    }

    @Test
    void attentionMassesSplitIntoCurrentTargetAndElsewhere() {
        int[] tokens = new PathTokenizer(vocab).encodePrompt(4, path4.edges(), 1, 3, null);
        int t = tokens.length;
        int[][] pos = EdgeRepresentations.edgePositions(tokens, path4, vocab);
        int q = t - 1;
        float[] pattern = new float[t * t];
        // half on the <e> of edge 0-1 (at node 1), a quarter on the <e> of 2-3 (at the target), a quarter on <bos>
        pattern[q * t + pos[0][2]] = 0.5f;
        pattern[q * t + pos[2][2]] = 0.25f;
        pattern[q * t] = 0.25f;
        boolean[] cur = AttentionAnalysis.incidentKeys(path4, pos, 1, t);
        boolean[] tgt = AttentionAnalysis.incidentKeys(path4, pos, 3, t);
        AttentionAnalysis.Masses m = AttentionAnalysis.at(pattern, new long[] {1, 1, t, t}, 0, 0, q, cur, tgt);
        assertEquals(0.5, m.current(), 1e-6);
        assertEquals(0.25, m.target(), 1e-6);
        assertEquals(0.25, m.elsewhere(), 1e-6);
        assertEquals(6.0 / t, m.uniformCurrent(), 1e-9); // edges 0-1 and 1-2: 6 tokens
        assertEquals(3.0 / t, m.uniformTarget(), 1e-9);
        AttentionAnalysis.Accumulator acc = new AttentionAnalysis.Accumulator();
        acc.add(0, 0, 2, m);
        assertEquals(2, acc.rows().size(), "one row for d = 2 and one for all distances");
    }
}
