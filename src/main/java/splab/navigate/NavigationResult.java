package splab.navigate;

import java.util.Arrays;

import splab.graph.SmallGraph;

/**
 * What a navigator produced for one query: the walk it took (starting at s) and, when it gave up or went
 * wrong, the {@link FailureKind}. A success is a walk from s to t along edges without repeated vertices;
 * it need not be shortest (the harness judges that). The only ways to build a success check it, so a
 * success is never an invalid path.
 */
public final class NavigationResult {
    private final int[] path;
    private final FailureKind failure;

    private NavigationResult(int[] path, FailureKind failure) {
        this.path = path;
        this.failure = failure;
    }

    /** A failed walk; {@code path} is what was walked before failing (it may end in the offending vertex). */
    public static NavigationResult failure(int[] path, FailureKind kind) {
        if (kind == null) {
            throw new IllegalArgumentException("a failure needs a kind");
        }
        return new NavigationResult(path.clone(), kind);
    }

    /**
     * Judges a complete proposed path from s to t (for example a model's decoded output): a success when it
     * is a valid simple walk from s to t within {@code stepLimit} steps, else a failure of the first problem
     * met along it.
     */
    public static NavigationResult check(SmallGraph g, int s, int t, int[] path, int stepLimit) {
        FailureKind kind = firstProblem(g, s, t, path, stepLimit);
        return new NavigationResult(path.clone(), kind);
    }

    /** The first thing wrong with {@code path} as a walk from s to t, or null when it is a valid one. */
    public static FailureKind firstProblem(SmallGraph g, int s, int t, int[] path, int stepLimit) {
        if (path.length == 0 || path[0] != s) {
            return FailureKind.WRONG_END;
        }
        long seen = 1L << s;
        for (int i = 1; i < path.length; i++) {
            int v = path[i];
            if (v < 0 || v >= g.nodeCount()) {
                return FailureKind.OUT_OF_RANGE;
            }
            if (!g.hasEdge(path[i - 1], v)) {
                return FailureKind.NON_EDGE;
            }
            if ((seen >>> v & 1L) != 0) {
                return FailureKind.REVISIT;
            }
            if (i > stepLimit) {
                return FailureKind.STEP_LIMIT;
            }
            seen |= 1L << v;
        }
        return path[path.length - 1] == t ? null : FailureKind.WRONG_END;
    }

    /** Package-private fast path for the built-in navigators, whose walks are valid by construction. */
    static NavigationResult trustedSuccess(int[] path) {
        return new NavigationResult(path, null);
    }

    public boolean success() {
        return failure == null;
    }

    /** The failure kind, or null on success. */
    public FailureKind failure() {
        return failure;
    }

    /** The vertices walked, s first; a copy. */
    public int[] path() {
        return path.clone();
    }

    /** Number of steps taken. */
    public int steps() {
        return path.length - 1;
    }

    int[] pathUnsafe() {
        return path;
    }

    @Override
    public String toString() {
        return (failure == null ? "ok " : failure + " ") + Arrays.toString(path);
    }
}
