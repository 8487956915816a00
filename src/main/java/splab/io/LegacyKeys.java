package splab.io;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keys that files written by earlier versions of the lab still carry. Such files (a run's {@code config.json}, a
 * checkpoint's {@code state.json}) stay readable: a legacy key is dropped when it says what the current keys say,
 * and refused with one line naming the file when it says something else.
 *
 * <p>{@code train.seed} and {@code spectral.seed} were copies of the top-level {@code seed}; one seed now drives
 * the whole run and the generators that need their own stream derive it where they are used.
 */
public final class LegacyKeys {
    /** Sections that once held a copy of the top-level seed. */
    public static final List<String> SEED_COPIES = List.of("train", "spectral");

    private LegacyKeys() {}

    /**
     * Drops {@code SECTION.seed} from {@code root} for every section in {@link #SEED_COPIES}. Each must equal the
     * top-level {@code seed}, or {@code fallbackSeed} when {@code root} has none; a null fallback adopts the
     * section's seed as the top-level one (a checkpoint's state.json kept the seed only inside {@code train}).
     *
     * @param origin the file, for the error message
     */
    public static void foldSeedCopies(ObjectNode root, Long fallbackSeed, String origin) {
        for (String section : SEED_COPIES) {
            JsonNode node = root.get(section);
            if (node == null || !node.isObject() || !node.has("seed")) {
                continue;
            }
            JsonNode own = node.get("seed");
            if (!own.isIntegralNumber()) {
                throw new IllegalArgumentException(origin + ": " + section + ".seed must be an integer, got " + own);
            }
            JsonNode top = root.get("seed");
            if (top == null && fallbackSeed == null) {
                root.put("seed", own.asLong());
            } else {
                long seed = top != null ? top.asLong() : fallbackSeed;
                if (top != null && !top.isIntegralNumber()) {
                    throw new IllegalArgumentException(origin + ": seed must be an integer, got " + top);
                }
                if (own.asLong() != seed) {
                    throw new IllegalArgumentException(origin + ": " + section + ".seed (" + own.asLong()
                            + ") differs from seed (" + seed + "); one seed drives the whole run: remove " + section
                            + ".seed and set seed");
                }
            }
            ((ObjectNode) node).remove("seed");
        }
    }

    /** The message for a {@code --set SECTION.seed=...} override, or null when {@code key} is no such key. */
    public static String seedCopyOverride(String key) {
        for (String section : SEED_COPIES) {
            if (key.equals(section + ".seed")) {
                return "--set " + key + ": there is no such key; one seed drives the whole run: use --seed S or --set seed=S";
            }
        }
        return null;
    }
}
