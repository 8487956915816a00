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
}
