package splab.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Exact Mann-Whitney p values worked out by hand, ties, and Spearman's rho against its permutation null. */
class RankTestsTest {

    @Test
    void threeSeedsASideCompletelySeparatedGiveTheLeastPossibleP() {
        RankTests.Comparison c = RankTests.mannWhitney(new double[] {0.91, 0.95, 0.97}, new double[] {0.5, 0.6, 0.7});
        assertEquals(9, c.u());
        assertEquals(9, c.pairs());
        assertEquals(1.0, c.superiority());
        assertEquals(2.0 / 20, c.p(), 1e-12, "of 20 splits only this one and its mirror are as extreme");
        assertEquals(2.0 / 20, c.leastP(), 1e-12);
    }

    @Test
    void fourAgainstThreeSeparatedIsTwoOfThirtyFiveSplits() {
        RankTests.Comparison c = RankTests.mannWhitney(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7});
        assertEquals(0, c.u());
        assertEquals(2.0 / 35, c.p(), 1e-12);
    }

    @Test
    void oneOverlapRaisesPAsTheSplitsCountSays() {
        // U = 8 of 9: the splits with U in {0, 1, 8, 9} are 4 of 20
        RankTests.Comparison c = RankTests.mannWhitney(new double[] {2, 4, 5}, new double[] {1, 3, 0});
        assertEquals(8, c.u());
        assertEquals(4.0 / 20, c.p(), 1e-12);
    }

    @Test
    void tiesAreSplitExactlyAndCanLeaveNothingToSee() {
        double inf = Double.POSITIVE_INFINITY;
        RankTests.Comparison c = RankTests.mannWhitney(new double[] {inf, inf, 1}, new double[] {inf, 2, 3});
        assertEquals(5, c.u(), "two of A's never-reached tie B's, each beats B's 2 and 3");
        assertEquals(1.0, c.p(), 1e-12, "every split is at least half a pair from the centre");
        RankTests.Comparison same = RankTests.mannWhitney(new double[] {1, 1, 1}, new double[] {1, 1, 1});
        assertEquals(4.5, same.u());
        assertEquals(1.0, same.p());
        assertEquals(1.0, same.leastP());
    }

    @Test
    void tooManySplitsAreSampledAndSaySo() {
        double[] a = new double[13], b = new double[13];
        for (int i = 0; i < 13; i++) {
            a[i] = 100 + i;
            b[i] = i;
        }
        RankTests.Comparison c = RankTests.mannWhitney(a, b); // C(26, 13) = 10,400,600 splits
        assertTrue(!c.exact());
        assertEquals(169, c.u());
        assertTrue(c.p() > 0 && c.p() < 1e-4, "never 0 when sampled: " + c.p());
        assertTrue(RankTests.mannWhitney(new double[] {1, 2}, new double[] {3, 4}).exact());
    }

    @Test
    void averageRanksShareTies() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankTests.ranks(new double[] {0.1, 0.5, 0.5, 0.9}));
    }

    @Test
    void spearmanOfAMonotoneRelationIsOneAndRarelyMatchedByShuffles() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {0.1, 0.2, 0.25, 0.5, 0.8, 0.81};
        RankTests.Trend t = RankTests.spearman(x, y, 20_000, 1);
        assertEquals(1.0, t.rho(), 1e-12);
        // exactly 2 of the 720 orders reach |rho| = 1: p about 0.0028
        assertEquals(2.0 / 720, t.p(), 0.0015);
        RankTests.Trend reversed = RankTests.spearman(x, new double[] {6, 5, 4, 3, 2, 1}, 1000, 1);
        assertEquals(-1.0, reversed.rho(), 1e-12);
    }

    @Test
    void spearmanWithoutARelationHasALargeP() {
        RankTests.Trend t = RankTests.spearman(new double[] {1, 1, 1, 2, 2, 2, 4, 4, 4},
                new double[] {0.5, 0.9, 0.7, 0.8, 0.6, 0.7, 0.6, 0.9, 0.7}, 20_000, 1);
        assertTrue(Math.abs(t.rho()) < 0.2 && t.p() > 0.5, t.toString());
        assertThrows(IllegalArgumentException.class, () -> RankTests.spearman(new double[] {1, 2}, new double[] {1, 2}, 10, 1));
    }
}
