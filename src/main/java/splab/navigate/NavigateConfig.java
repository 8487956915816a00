package splab.navigate;

import java.util.List;
import java.util.Locale;


/**
 * The {@code navigate} section of a lab config: which navigators to score and how SLN is set up.
 *
 * @param navigators                 names among {@code bfs, sln, steinerberger, random} (the trained model joins
 *                                   as {@code model} where a run has one)
 * @param sln                        Spectral Line Navigator settings (also the SLN row of the spectral report)
 * @param steinerbergerPerComponent  use the lowest eigenvector of each component of G - t (true), or one
 *                                   eigenvector for all of G - t, as the method reads literally (false)
 * @param testPairs                  held-out pairs scored in {@code splab run} (a seeded sample, the same for
 *                                   every navigator); 0 for all of them
 */
public record NavigateConfig(List<String> navigators, SpectralLineNavigator.Config sln, boolean steinerbergerPerComponent, int testPairs) {
    /** Names {@link #navigator} understands. */
    public static final List<String> KNOWN = List.of("bfs", "sln", "steinerberger", "random");

    public NavigateConfig {
        if (testPairs < 0) {
            throw new IllegalArgumentException("navigate.testPairs must be >= 0 (0 = all), got " + testPairs);
        }
        for (String name : navigators) {
            check(name);
        }
    }

    public static NavigateConfig defaults() {
        return new NavigateConfig(KNOWN, SpectralLineNavigator.Config.defaults(), true, 5_000);
    }

    /** The navigator called {@code name}; {@code seed} drives the random navigator. */
    public Navigator navigator(String name, long seed) {
        return switch (check(name)) {
            case "bfs" -> new BfsNavigator();
            case "sln" -> new SpectralLineNavigator(sln);
            case "steinerberger" -> new SteinerbergerNavigator(steinerbergerPerComponent);
            case "random" -> new RandomNavigator(seed);
            default -> throw new IllegalStateException(name);
        };
    }

    private static String check(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(n)) {
            throw new IllegalArgumentException("unknown navigator '" + name + "' (expected one of "
                    + String.join(", ", KNOWN) + ")");
        }
        return n;
    }
}
