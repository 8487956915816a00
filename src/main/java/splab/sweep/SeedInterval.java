package splab.sweep;

import java.util.Arrays;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Mean over seeds with a two-sided 95% Student-t interval for the mean (seeds are independent draws of the whole
 * run: data, initialisation and batch order). Undefined values (a run that never reached a level) are left out
 * and counted, so "reached by 2 of 3 seeds" is visible beside the mean of the two.
 *
 * @param n defined values
 * @param of all values, defined or not
 */
public record SeedInterval(double mean, double low, double high, int n, int of) {

    public static SeedInterval of(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) {
            return new SeedInterval(Double.NaN, Double.NaN, Double.NaN, 0, values.length);
        }
        double mean = Arrays.stream(v).average().orElseThrow();
        if (v.length == 1) {
            return new SeedInterval(mean, Double.NaN, Double.NaN, 1, values.length);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(ss / (v.length - 1) / v.length);
        double t = new TDistribution(v.length - 1).inverseCumulativeProbability(0.975);
        return new SeedInterval(mean, mean - t * se, mean + t * se, v.length, values.length);
    }

    /**
     * The interval cut to the values the figure can take: with few seeds and one outlier the t interval of a share
     * can reach past 1 or below 0, which no seed could show. The mean is unchanged.
     */
    public SeedInterval within(double min, double max) {
        return new SeedInterval(mean, Double.isNaN(low) ? low : Math.max(min, low),
                Double.isNaN(high) ? high : Math.min(max, high), n, of);
    }

    /** {@code 0.9844 [0.9801, 0.9887] (3 seeds)}; the interval is left out below two seeds. */
    public String format(String pattern) {
        if (n == 0) {
            return "not reached (0 of " + of + ")";
        }
        String m = String.format(java.util.Locale.ROOT, pattern, mean);
        String seeds = n == of ? n + (n == 1 ? " seed" : " seeds") : n + " of " + of + " seeds";
        if (n == 1) {
            return m + " (" + seeds + ", no interval)";
        }
        return m + " [" + String.format(java.util.Locale.ROOT, pattern, low) + ", "
                + String.format(java.util.Locale.ROOT, pattern, high) + "] (" + seeds + ")";
    }
}
