package splab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The connectivity probability of G(n, p) that bounds the redraw loop, against small cases by hand. */
class ConnectedProbabilityTest {

    @Test
    void smallCasesByHand() {
        double p = 0.3;
        assertEquals(1.0, ConnectedGraphSampler.connectedProbability(1, p), 1e-12);
        assertEquals(p, ConnectedGraphSampler.connectedProbability(2, p), 1e-12);
        // three nodes: connected iff at least two of the three edges are present
        assertEquals(3 * p * p * (1 - p) + p * p * p, ConnectedGraphSampler.connectedProbability(3, p), 1e-12);
        assertEquals(1.0, ConnectedGraphSampler.connectedProbability(10, 1.0), 1e-12);
    }

    @Test
    void aHopelessProbabilityIsRefusedAtOnceWithOneThatWorks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConnectedGraphSampler(3, 10, 0.0001, NodeCountMix.UNIFORM, 1));
        assertTrue(e.getMessage().contains("use an edge probability of at least"), e.getMessage());
        double suggested = ConnectedGraphSampler.smallestWorkableP(3, 10);
        ConnectedGraphSampler ok = new ConnectedGraphSampler(3, 10, suggested, NodeCountMix.UNIFORM, 1);
        assertTrue(ok.next().isConnected(), "the suggested probability draws connected graphs");
    }
}
