package splab.navigate;

/** Why a navigation did not produce a path from s to t. */
public enum FailureKind {
    /** A step to a vertex not adjacent to the current one. */
    NON_EDGE,
    /** A step to a vertex number outside 0..n-1 (only external navigators, such as a model, can do this). */
    OUT_OF_RANGE,
    /** A step back to a vertex already on the path. */
    REVISIT,
    /** No admissible neighbour left to step to. */
    DEAD_END,
    /** The step limit ran out before reaching t. */
    STEP_LIMIT,
    /** The path ended, or started, somewhere other than where it should. */
    WRONG_END,
    /** Output that is not a node path ended by {@code <eos>}: a special token inside it (only a model). */
    MALFORMED;

    /** The CSV column name, e.g. {@code nonEdge}. */
    public String columnName() {
        String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }
}
