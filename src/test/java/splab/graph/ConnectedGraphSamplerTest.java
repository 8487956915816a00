package splab.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectedGraphSamplerTest {

    @Test
    void goldenGraphsForSeedOne() {
        // pinned: the same seed must give these exact graphs on every machine and every run
        ConnectedGraphSampler s = new ConnectedGraphSampler(3, 10, 0.5, NodeCountMix.UNIFORM, 1);
        String[] got = new String[3];
        for (int i = 0; i < 3; i++) {
            got[i] = s.next().toString();
        }
        assertArrayEquals(GOLDEN, got);
    }

    static final String[] GOLDEN = {
        "n=8 m=14 [0-1,0-2,0-3,0-5,1-4,1-5,1-6,2-3,2-6,2-7,3-4,3-7,4-7,5-6]",
        "n=4 m=4 [0-2,0-3,1-2,1-3]",
        "n=10 m=22 [0-1,0-2,0-3,0-4,0-5,0-7,1-2,1-5,1-6,1-7,1-8,1-9,2-8,2-9,3-4,3-7,3-8,4-9,5-6,5-8,6-9,7-9]"};

    @Test
    void everyGraphIsConnectedAndInRange() {
        ConnectedGraphSampler s = new ConnectedGraphSampler(3, 10, 0.5, NodeCountMix.UNIFORM, 2);
        int[] seen = new int[11];
        for (int i = 0; i < 4000; i++) {
            SmallGraph g = s.next();
            assertTrue(g.isConnected());
            seen[g.nodeCount()]++;
        }
        for (int n = 3; n <= 10; n++) {
            assertEquals(500, seen[n], 100, "uniform mix at n=" + n);
        }
        assertTrue(s.rejected() > 0, "small n are often disconnected at p = 0.5");
    }

    @Test
    void connectedMixFavoursLargeGraphs() {
        ConnectedGraphSampler s = new ConnectedGraphSampler(3, 10, 0.5, NodeCountMix.CONNECTED, 2);
        int ten = 0;
        for (int i = 0; i < 2000; i++) {
            if (s.next().nodeCount() == 10) {
                ten++;
            }
        }
        // weight of n=10 among 3..10 is 11716571 / 11989763 = 0.977
        assertEquals(0.977, ten / 2000.0, 0.015);
    }

    @Test
    void rejectsBadArguments() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ConnectedGraphSampler(8, 5, 0.5, NodeCountMix.UNIFORM, 1)).getMessage().contains("nMin"));
        assertThrows(IllegalArgumentException.class, () -> new ConnectedGraphSampler(3, 10, 0, NodeCountMix.UNIFORM, 1));
        assertThrows(IllegalArgumentException.class, () -> new ConnectedGraphSampler(3, 65, 0.5, NodeCountMix.UNIFORM, 1));
    }
}
