package splab.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Canonical labelling of small graphs by individualisation and refinement, the method of McKay's nauty in
 * miniature.
 *
 * <p>Each node of the search tree is an ordered partition of the vertices, refined to an equitable one (1-WL
 * colour refinement, splitting cells by how many neighbours a vertex has in each cell). A non-discrete
 * partition branches on every vertex of its first non-singleton cell, made a singleton cell of its own. Each
 * leaf is a discrete partition, i.e. a relabelling; the canonical form is the relabelled graph with the
 * largest adjacency code over all leaves. Because refinement, cell choice and individualisation depend only
 * on the graph's structure, isomorphic graphs have the same set of leaf codes, hence the same maximum.
 *
 * <p>Symmetric graphs (complete, cycles, Petersen) would have factorially many leaves; two pruning rules from
 * nauty keep the tree small. A leaf with the same code as the first or the best leaf yields an automorphism;
 * (1) children in one orbit of the automorphisms that fix the current prefix are explored once, and (2) a
 * leaf equivalent to the first leaf sends the search back to where its path left the first path. Neither
 * removes a code that is not present elsewhere, so the maximum is unchanged.
 */
public final class CanonicalForm {
    private static final int NO_JUMP = Integer.MAX_VALUE;

    private final SmallGraph g;
    private final int n;
    private final int codeWords;
    private final List<int[]> automorphisms = new ArrayList<>();
    private final int[] prefix;
    private int[] firstInv;
    private long[] firstCode;
    private int[] firstPath;
    private int[] bestInv;
    private long[] bestCode;
    private long leaves;

    private CanonicalForm(SmallGraph g) {
        this.g = g;
        this.n = g.nodeCount();
        this.codeWords = Math.max(1, (n * (n - 1) / 2 + 63) / 64);
        this.prefix = new int[n];
    }

    /** The certificate of {@code g}: equal for two graphs exactly when they are isomorphic. */
    public static Certificate certificate(SmallGraph g) {
        CanonicalForm c = run(g);
        return new Certificate(c.n, c.bestCode);
    }

    /**
     * A canonical labelling: {@code g.relabel(labelling)} is the same graph for every graph isomorphic to g.
     * Entry v is the new name of vertex v.
     */
    public static int[] labelling(SmallGraph g) {
        CanonicalForm c = run(g);
        int[] lab = new int[c.n];
        for (int pos = 0; pos < c.n; pos++) {
            lab[c.bestInv[pos]] = pos;
        }
        return lab;
    }

    /** The canonical representative: g relabelled by {@link #labelling}. */
    public static SmallGraph canonicalGraph(SmallGraph g) {
        return g.relabel(labelling(g));
    }

    /** Leaves visited for g: a measure of how hard the graph was (1 for most random graphs). */
    static long leafCount(SmallGraph g) {
        return run(g).leaves;
    }

    private static CanonicalForm run(SmallGraph g) {
        CanonicalForm c = new CanonicalForm(g);
        c.search(new int[c.n], 1, 0);
        return c;
    }

    /** Depth-first search below the partition {@code cell} (k cells) reached by {@code depth} choices. */
    private int search(int[] cell, int k, int depth) {
        k = refine(cell, k);
        if (k == n) {
            return leaf(cell, depth);
        }
        int target = firstNonSingletonCell(cell, k);
        int[] explored = new int[n];
        int exploredCount = 0;
        for (int v = 0; v < n; v++) {
            if (cell[v] != target || sameOrbitAsExplored(v, explored, exploredCount, depth)) {
                continue;
            }
            int[] child = cell.clone();
            for (int u = 0; u < n; u++) {
                if (child[u] > target || (child[u] == target && u != v)) {
                    child[u]++;
                }
            }
            prefix[depth] = v;
            int jump = search(child, k + 1, depth + 1);
            explored[exploredCount++] = v;
            if (jump < depth) {
                return jump;
            }
        }
        return NO_JUMP;
    }

    private int leaf(int[] cell, int depth) {
        leaves++;
        int[] inv = new int[n];
        for (int v = 0; v < n; v++) {
            inv[cell[v]] = v;
        }
        long[] code = code(inv);
        if (firstCode == null) {
            firstInv = inv;
            firstCode = code;
            firstPath = java.util.Arrays.copyOf(prefix, depth);
            bestInv = inv;
            bestCode = code;
            return NO_JUMP;
        }
        if (java.util.Arrays.equals(code, firstCode)) {
            automorphisms.add(automorphism(cell, firstInv));
            int common = 0;
            while (common < depth && common < firstPath.length && prefix[common] == firstPath[common]) {
                common++;
            }
            return common;
        }
        int cmp = compare(code, bestCode);
        if (cmp == 0) {
            automorphisms.add(automorphism(cell, bestInv));
        } else if (cmp > 0) {
            bestInv = inv;
            bestCode = code;
        }
        return NO_JUMP;
    }

    /** The map sending each vertex to the vertex at the same position of the other leaf. */
    private int[] automorphism(int[] cell, int[] otherInv) {
        int[] gamma = new int[n];
        for (int v = 0; v < n; v++) {
            gamma[v] = otherInv[cell[v]];
        }
        return gamma;
    }

    /** Whether v shares an orbit with an explored sibling under the known automorphisms fixing the prefix. */
    private boolean sameOrbitAsExplored(int v, int[] explored, int exploredCount, int depth) {
        if (exploredCount == 0 || automorphisms.isEmpty()) {
            return false;
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int[] gamma : automorphisms) {
            boolean fixesPrefix = true;
            for (int i = 0; i < depth && fixesPrefix; i++) {
                fixesPrefix = gamma[prefix[i]] == prefix[i];
            }
            if (fixesPrefix) {
                for (int x = 0; x < n; x++) {
                    parent[find(parent, x)] = find(parent, gamma[x]);
                }
            }
        }
        int root = find(parent, v);
        for (int i = 0; i < exploredCount; i++) {
            if (find(parent, explored[i]) == root) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private int firstNonSingletonCell(int[] cell, int k) {
        int[] size = new int[k];
        for (int v = 0; v < n; v++) {
            size[cell[v]]++;
        }
        for (int c = 0; c < k; c++) {
            if (size[c] > 1) {
                return c;
            }
        }
        throw new IllegalStateException("partition is discrete");
    }

    /**
     * Colour refinement to the coarsest equitable partition finer than the given one. Cells are split by
     * (old cell, neighbours in cell 0, neighbours in cell 1, ...) and numbered in that order, which depends
     * only on structure. Returns the new number of cells; {@code cell} is updated in place.
     */
    private int refine(int[] cell, int k) {
        Integer[] order = new Integer[n];
        int[][] key = new int[n][];
        while (true) {
            long[] members = new long[k];
            for (int v = 0; v < n; v++) {
                members[cell[v]] |= 1L << v;
            }
            for (int v = 0; v < n; v++) {
                int[] kv = new int[k + 1];
                kv[0] = cell[v];
                long nb = g.neighbours(v);
                for (int c = 0; c < k; c++) {
                    kv[c + 1] = Long.bitCount(nb & members[c]);
                }
                key[v] = kv;
                order[v] = v;
            }
            java.util.Arrays.sort(order, (a, b) -> java.util.Arrays.compare(key[a], key[b]));
            int newK = 0;
            int[] next = new int[n];
            for (int i = 0; i < n; i++) {
                if (i > 0 && !java.util.Arrays.equals(key[order[i]], key[order[i - 1]])) {
                    newK++;
                }
                next[order[i]] = newK;
            }
            newK++;
            System.arraycopy(next, 0, cell, 0, n);
            if (newK == k) {
                return k;
            }
            k = newK;
        }
    }

    /** Upper triangle of the adjacency matrix under the relabelling {@code inv[position] = vertex}. */
    private long[] code(int[] inv) {
        long[] words = new long[codeWords];
        int bit = 0;
        for (int i = 0; i < n; i++) {
            long row = g.neighbours(inv[i]);
            for (int j = i + 1; j < n; j++, bit++) {
                if ((row >>> inv[j] & 1L) != 0) {
                    words[bit >>> 6] |= 1L << (63 - (bit & 63));
                }
            }
        }
        return words;
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Long.compareUnsigned(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
