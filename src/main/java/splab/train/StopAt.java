package splab.train;

import java.util.List;
import java.util.Map;

/**
 * When training may end before {@code train.steps}: once a held-out figure reached a level at several
 * evaluations in a row, or once a wall-time budget is spent. Stopping early keeps the learning-rate schedule of
 * {@code train.steps} (the run simply ends sooner), so "examples seen until X" is measured on the same recipe.
 *
 * @param metric the held-out figure watched: {@code eval_correct} (share of the evaluation sample answered with
 *        a shortest path), {@code eval_d3plus} (the same at distance >= 3) or {@code eval_exact}
 * @param atLeast the level; 0 turns the rule off
 * @param evaluations how many evaluations in a row must reach it (at least 1)
 * @param wallSeconds a wall-time budget for one training session in seconds; 0 turns it off
 */
public record StopAt(String metric, double atLeast, int evaluations, double wallSeconds) {
    /** The figures {@link #metric} may name. */
    public static final List<String> METRICS = List.of("eval_correct", "eval_d3plus", "eval_exact");

    public StopAt {
        if (metric == null) {
            metric = METRICS.get(0);
        }
        if (!METRICS.contains(metric)) {
            throw new IllegalArgumentException("train.stopAt.metric must be one of " + METRICS + ", got '" + metric + "'");
        }
        if (!(atLeast >= 0 && atLeast <= 1)) {
            throw new IllegalArgumentException("train.stopAt.atLeast must be in [0, 1] (0: off), got " + atLeast);
        }
        if (evaluations < 1) {
            throw new IllegalArgumentException("train.stopAt.evaluations must be at least 1, got " + evaluations);
        }
        if (!(wallSeconds >= 0)) {
            throw new IllegalArgumentException("train.stopAt.wallSeconds must be >= 0 (0: off), got " + wallSeconds);
        }
    }

    /** Never stops early. */
    public static StopAt off() {
        return new StopAt(METRICS.get(0), 0, 2, 0);
    }

    public boolean enabled() {
        return atLeast > 0 || wallSeconds > 0;
    }

    /** Follows one run's evaluations in order and says when the rule is met. */
    public Watch watch() {
        return new Watch();
    }

    /** The rule's state over a stream of evaluations; replaying a resumed run's earlier evaluations restores it. */
    public final class Watch {
        private int inARow;
        private String reason;

        /** Feeds one evaluation's figures; returns true once the level rule is met. */
        public boolean observe(Map<String, ?> figures) {
            if (atLeast <= 0 || reason != null) {
                return reason != null;
            }
            Object v = figures.get(metric);
            boolean reached = v instanceof Number n && n.doubleValue() >= atLeast;
            inARow = reached ? inARow + 1 : 0;
            if (inARow >= evaluations) {
                reason = String.format(java.util.Locale.ROOT, "%s >= %s at %d evaluation%s in a row", metric, atLeast,
                        evaluations, evaluations == 1 ? "" : "s");
            }
            return reason != null;
        }

        /** Checks the wall-time budget; returns true once it is spent. */
        public boolean overBudget(double secondsSoFar) {
            if (reason == null && wallSeconds > 0 && secondsSoFar >= wallSeconds) {
                reason = "wall-time budget of " + (wallSeconds == Math.rint(wallSeconds) ? String.format("%.0f", wallSeconds)
                        : Double.toString(wallSeconds)) + " s spent";
            }
            return reason != null;
        }

        /** Marks the rule as met, e.g. for a resumed run that had already stopped for {@code why}. */
        public void stopped(String why) {
            reason = java.util.Objects.requireNonNull(why);
        }

        /** Why training stopped, or null while it goes on. */
        public String reason() {
            return reason;
        }
    }
}
