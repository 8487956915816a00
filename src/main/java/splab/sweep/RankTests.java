package splab.sweep;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Rank tests for comparing a few seeds per setting, exact where the counts allow.
 *
 * <p>{@link #mannWhitney} compares two settings' values: U counts the pairs (one seed of each) in which the
 * first is higher, ties counting one half, and the two-sided p is exact, from every way of splitting the pooled
 * values into groups of the two sizes (ties handled exactly, since the pooled values themselves are split). With
 * three seeds a side there are 20 splits, so p cannot go below 0.1: {@link Comparison#leastP} says what the
 * counts allow. {@link #spearman} is the rank correlation between a numeric setting and a figure over all runs,
 * with a two-sided permutation p (the figures shuffled over the runs, a fixed seed).
 */
public final class RankTests {
    /** Beyond this many splits the Mann-Whitney p is estimated from random splits instead. */
    static final long EXACT_LIMIT = 2_000_000;

    private RankTests() {
    }

    /**
     * @param u pairs in which the first group's value is higher, ties counting one half
     * @param pairs the number of pairs, {@code |a| * |b|}
     * @param p two-sided p: the share of splits of the pooled values whose U is at least as far from
     *        {@code pairs / 2} as the observed one
     * @param leastP the smallest two-sided p these group sizes and values allow
     * @param exact whether every split was counted; beyond {@link #EXACT_LIMIT} splits, p and leastP come from
     *        200,000 random splits (p as (hits + 1) / (splits + 1))
     */
    public record Comparison(double u, long pairs, double p, double leastP, boolean exact) {
        /** U as a share of the pairs: the chance that a seed of the first group beats one of the second. */
        public double superiority() {
            return u / pairs;
        }
    }

    /** @param rho Spearman's rank correlation; @param p two-sided permutation p; @param runs values used */
    public record Trend(double rho, double p, int runs) {
    }

    /** U of {@code a} against {@code b} with its exact two-sided p (NaN values must have been replaced). */
    public static Comparison mannWhitney(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both groups need a value, got " + a.length + " and " + b.length);
        }
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        double centre = a.length * (double) b.length / 2;
        double observed = Math.abs(u(a, b) - centre);
        double[] spread = splitSpread(pooled, a.length, centre);
        int extreme = 0;
        double largest = 0;
        for (double d : spread) {
            extreme += d >= observed - 1e-9 ? 1 : 0;
            largest = Math.max(largest, d);
        }
        int atLargest = 0;
        for (double d : spread) {
            atLargest += d >= largest - 1e-9 ? 1 : 0;
        }
        boolean exact = binomial(pooled.length, a.length) <= EXACT_LIMIT;
        double p = exact ? (double) extreme / spread.length : (extreme + 1.0) / (spread.length + 1.0);
        return new Comparison(u(a, b), (long) a.length * b.length, p, (double) atLargest / spread.length, exact);
    }

    /** Spearman's rho between {@code x} and {@code y} (average ranks for ties) and its two-sided permutation p. */
    public static Trend spearman(double[] x, double[] y, int shuffles, long seed) {
        if (x.length != y.length || x.length < 3) {
            throw new IllegalArgumentException("need at least 3 paired values, got " + x.length + " and " + y.length);
        }
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double observed = Math.abs(correlation(rx, ry));
        SplittableRandom rng = new SplittableRandom(seed);
        double[] shuffled = ry.clone();
        int atLeast = 0;
        for (int s = 0; s < shuffles; s++) {
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            atLeast += Math.abs(correlation(rx, shuffled)) >= observed - 1e-12 ? 1 : 0;
        }
        return new Trend(correlation(rx, ry), (atLeast + 1.0) / (shuffles + 1.0), x.length);
    }

    /** Average ranks, 1-based; tied values share the mean of their ranks. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(v[i], v[j]));
        double[] r = new double[v.length];
        for (int start = 0; start < v.length;) {
            int end = start;
            while (end + 1 < v.length && v[order[end + 1]] == v[order[start]]) {
                end++;
            }
            for (int k = start; k <= end; k++) {
                r[order[k]] = (start + end) / 2.0 + 1;
            }
            start = end + 1;
        }
        return r;
    }

    private static double u(double[] a, double[] b) {
        double u = 0;
        for (double x : a) {
            for (double y : b) {
                u += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }
        return u;
    }

    /** |U - centre| for every split of {@code pooled} into a first group of {@code k} (or random splits when too many). */
    private static double[] splitSpread(double[] pooled, int k, double centre) {
        int n = pooled.length;
        double splits = binomial(n, k);
        if (splits > EXACT_LIMIT) {
            SplittableRandom rng = new SplittableRandom(1);
            double[] out = new double[200_000];
            int[] idx = new int[n];
            for (int s = 0; s < out.length; s++) {
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                }
                for (int i = 0; i < k; i++) {
                    int j = i + rng.nextInt(n - i);
                    int t = idx[i];
                    idx[i] = idx[j];
                    idx[j] = t;
                }
                out[s] = Math.abs(splitU(pooled, idx, k) - centre);
            }
            return out;
        }
        double[] out = new double[(int) splits];
        int[] chosen = new int[k];
        for (int i = 0; i < k; i++) {
            chosen[i] = i;
        }
        int at = 0;
        int[] idx = new int[n];
        boolean[] in = new boolean[n];
        while (true) {
            Arrays.fill(in, false);
            for (int c = 0; c < k; c++) {
                idx[c] = chosen[c];
                in[chosen[c]] = true;
            }
            for (int i = 0, rest = k; i < n; i++) {
                if (!in[i]) {
                    idx[rest++] = i;
                }
            }
            out[at++] = Math.abs(splitU(pooled, idx, k) - centre);
            int i = k - 1;
            while (i >= 0 && chosen[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            chosen[i]++;
            for (int j = i + 1; j < k; j++) {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
    }

    /** U of the first {@code k} of {@code idx} against the rest, as indices into {@code pooled}. */
    private static double splitU(double[] pooled, int[] idx, int k) {
        double u = 0;
        for (int i = 0; i < k; i++) {
            for (int j = k; j < idx.length; j++) {
                double x = pooled[idx[i]], y = pooled[idx[j]];
                u += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }
        return u;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return Math.round(c);
    }

    private static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0), my = Arrays.stream(y).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
