package splab.graph;

import java.util.Arrays;

/**
 * The canonical form of a graph as a value: two graphs have equal certificates exactly when they are
 * isomorphic. Holds n and the upper triangle of the canonically relabelled adjacency matrix, row by row,
 * packed most-significant bit first into 64-bit words.
 */
public final class Certificate implements Comparable<Certificate> {
    private final int n;
    private final long[] words;

    Certificate(int n, long[] words) {
        this.n = n;
        this.words = words;
    }

    public int nodeCount() {
        return n;
    }

    /** A stable 64-bit hash of the certificate (SplitMix64 over n and the words), for seeded splits. */
    public long hash64() {
        long h = mix64(0x9E3779B97F4A7C15L ^ n);
        for (long w : words) {
            h = mix64(h ^ w);
        }
        return h;
    }

    /** SplitMix64's finaliser: a fixed bijection of 64-bit values that spreads every input bit. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public int compareTo(Certificate o) {
        if (n != o.n) {
            return Integer.compare(n, o.n);
        }
        for (int i = 0; i < words.length; i++) {
            int c = Long.compareUnsigned(words[i], o.words[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate c && c.n == n && Arrays.equals(c.words, words);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash64());
    }

    /** {@code n:hexword[.hexword...]}, for example {@code 4:e800000000000000}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(n).append(':');
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(String.format("%016x", words[i]));
        }
        return sb.toString();
    }
}
