package splab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedIntervalTest {

    @Test
    void studentTIntervalOfThreeSeeds() {
        // mean 2, sample sd 1, standard error 1/sqrt(3); t(0.975, 2 df) = 4.302653
        SeedInterval i = SeedInterval.of(new double[] {1, 2, 3});
        assertEquals(2.0, i.mean(), 1e-12);
        assertEquals(2.0 - 4.302653 / Math.sqrt(3), i.low(), 1e-5);
        assertEquals(2.0 + 4.302653 / Math.sqrt(3), i.high(), 1e-5);
        assertEquals("2.00 [-0.48, 4.48] (3 seeds)", i.format("%.2f"));
    }

    @Test
    void undefinedValuesAreCountedNotAveraged() {
        SeedInterval i = SeedInterval.of(new double[] {10, Double.NaN, 20});
        assertEquals(15.0, i.mean(), 1e-12);
        assertEquals(2, i.n());
        assertTrue(i.format("%.0f").endsWith("(2 of 3 seeds)"), i.format("%.0f"));
        assertEquals("not reached (0 of 2)", SeedInterval.of(new double[] {Double.NaN, Double.NaN}).format("%.0f"));
        assertEquals("7 (1 seed, no interval)", SeedInterval.of(new double[] {7}).format("%.0f"));
    }

    @Test
    void anIntervalIsCutToTheValuesTheFigureCanTake() {
        // the heads-4 default seeds: two learned, one did not; the raw t interval of the share reaches past 1
        SeedInterval raw = SeedInterval.of(new double[] {0.9844, 0.5734, 0.9838});
        assertTrue(raw.high() > 1, "raw high " + raw.high());
        SeedInterval cut = raw.within(0, 1);
        assertEquals(raw.mean(), cut.mean(), 0);
        assertEquals(raw.low(), cut.low(), 0);
        assertEquals(1.0, cut.high(), 0);
        assertEquals("0.8472 [0.2582, 1.0000] (3 seeds)", cut.format("%.4f"));
        SeedInterval one = SeedInterval.of(new double[] {0.5}).within(0, 1);
        assertTrue(Double.isNaN(one.low()) && Double.isNaN(one.high()));
    }
}
