package splab.spectral;

import java.util.Arrays;
import java.util.Random;

import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * A paired comparison over graphs: the mean of a - b over the graphs where both are defined, a percentile
 * bootstrap 95% interval for that mean (graphs resampled with replacement, seeded), and a two-sided sign test
 * (under the null that a - b is as often positive as negative; ties dropped).
 *
 * @param n graphs with both values defined
 * @param mean mean difference a - b
 * @param low 2.5th percentile of the bootstrap means
 * @param high 97.5th percentile of the bootstrap means
 * @param positive graphs with a > b
 * @param negative graphs with a < b
 * @param signP two-sided sign-test p-value
 */
public record PairedDifference(int n, double mean, double low, double high, int positive, int negative, double signP) {

    public static PairedDifference of(double[] a, double[] b, int resamples, long seed) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values need equal lengths, got " + a.length + " and " + b.length);
        }
        double[] d = new double[a.length];
        int n = 0, pos = 0, neg = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                double x = a[i] - b[i];
                d[n++] = x;
                pos += x > 0 ? 1 : 0;
                neg += x < 0 ? 1 : 0;
            }
        }
        if (n == 0) {
            return new PairedDifference(0, Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN);
        }
        d = Arrays.copyOf(d, n);
        double mean = Arrays.stream(d).average().orElseThrow();
        double[] means = new double[Math.max(1, resamples)];
        Random rng = new Random(seed);
        for (int r = 0; r < means.length; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d[rng.nextInt(n)];
            }
            means[r] = s / n;
        }
        Arrays.sort(means);
        return new PairedDifference(n, mean, percentile(means, 0.025), percentile(means, 0.975), pos, neg,
                signTest(pos, neg));
    }

    /** Two-sided sign-test p-value for {@code pos} successes among {@code pos + neg} non-tied pairs. */
    public static double signTest(int pos, int neg) {
        int trials = pos + neg;
        if (trials == 0) {
            return 1.0;
        }
        BinomialDistribution b = new BinomialDistribution(trials, 0.5);
        int k = Math.min(pos, neg);
        return Math.min(1.0, 2 * b.cumulativeProbability(k));
    }

    private static double percentile(double[] sorted, double q) {
        double idx = q * (sorted.length - 1);
        int lo = (int) Math.floor(idx), hi = (int) Math.ceil(idx);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (idx - lo);
    }

    /** True when the whole interval lies above zero. */
    public boolean above() {
        return n > 0 && low > 0;
    }

    /** True when the whole interval lies below zero. */
    public boolean below() {
        return n > 0 && high < 0;
    }

    /** {@code +0.123 [+0.100, +0.150], 180 graphs, 160 of 180 above, sign test p = 1e-20}. */
    public String describe() {
        if (n == 0) {
            return "undefined (no graph with both values)";
        }
        return String.format(java.util.Locale.ROOT, "%+.3f [%+.3f, %+.3f], %d graphs, %d above / %d below, sign test p %s",
                mean, low, high, n, positive, negative, signP < 1e-15 ? "< 1e-15" : String.format(java.util.Locale.ROOT, "= %.2g", signP));
    }
}
