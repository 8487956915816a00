package splab.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedDifferenceTest {

    @Test
    void signTestMatchesTheBinomialByHand() {
        assertEquals(2 * Math.pow(0.5, 10), PairedDifference.signTest(10, 0), 1e-12);
        assertEquals(1.0, PairedDifference.signTest(5, 5), 1e-12);
        assertEquals(2 * (1 + 10 + 45) / 1024.0, PairedDifference.signTest(8, 2), 1e-12);
    }

    @Test
    void undefinedPairsAreDroppedAndTheIntervalBracketsTheMean() {
        double[] a = {1.0, 0.9, Double.NaN, 0.8, 0.95, 0.85};
        double[] b = {0.5, 0.6, 0.2, Double.NaN, 0.55, 0.5};
        PairedDifference d = PairedDifference.of(a, b, 2000, 1);
        assertEquals(4, d.n());
        assertEquals((0.5 + 0.3 + 0.4 + 0.35) / 4, d.mean(), 1e-12);
        assertTrue(d.low() <= d.mean() && d.mean() <= d.high() && d.low() >= 0.3 && d.high() <= 0.5, d.describe());
        assertTrue(d.above());
        PairedDifference none = PairedDifference.of(new double[] {Double.NaN}, new double[] {1}, 100, 1);
        assertEquals(0, none.n());
        assertFalse(none.above() || none.below());
        PairedDifference mixed = PairedDifference.of(new double[] {1, 0, 1, 0}, new double[] {0, 1, 0, 1}, 500, 2);
        assertFalse(mixed.above() || mixed.below(), mixed.describe());
    }
}
