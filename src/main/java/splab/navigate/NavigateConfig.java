package splab.navigate;

import java.util.List;
import java.util.Locale;

import splab.spectral.Laplacian;

/**
 * The {@code navigate} section of a lab config: which navigators to score and how SLN is set up.
 *
 * @param navigators                 names among {@code bfs, sln, steinerberger, random} (the trained model joins
 *                                   as {@code model} where a run has one)
 * @param sln                        Spectral Line Navigator settings
 * @param steinerbergerPerComponent  use the lowest eigenvector of each component of G - t (true), or one
 *                                   eigenvector for all of G - t, as the method reads literally (false)
 * @param testPairs                  held-out pairs scored in {@code splab run} (a seeded sample, the same for
 *                                   every navigator); 0 for all of them
 */
public record NavigateConfig(List<String> navigators, Sln sln, boolean steinerbergerPerComponent, int testPairs) {
    /** Names {@link #navigator} understands. */
    public static final List<String> KNOWN = List.of("bfs", "sln", "steinerberger", "random");

    /**
     * SLN settings as written in a config file.
     *
     * @param laplacian {@code combinatorial} or {@code normalized}, of the line graph L(G)
     * @param k         non-trivial eigenvectors per edge embedding; 0 for all of them
     * @param weighting {@code none}, or {@code resistance} (coordinates scaled by 1/sqrt(lambda))
     * @param distance  {@code min} or {@code mean} distance to the target's edges
     * @param tie       {@code lowest_index} or {@code highest_index}
     * @param stepLimit most steps per query; 0 for no limit beyond never revisiting a node
     */
    public record Sln(String laplacian, int k, String weighting, String distance, String tie, int stepLimit) {
        public Sln {
            if (k < 0) {
                throw new IllegalArgumentException("navigate.sln.k must be >= 0 (0 = all eigenvectors), got " + k);
            }
            if (stepLimit < 0) {
                throw new IllegalArgumentException("navigate.sln.stepLimit must be >= 0 (0 = none), got " + stepLimit);
            }
            toConfig(laplacian, k, weighting, distance, tie, stepLimit);
        }

        /** The navigator's own config. */
        public SpectralLineNavigator.Config toConfig() {
            return toConfig(laplacian, k, weighting, distance, tie, stepLimit);
        }

        private static SpectralLineNavigator.Config toConfig(String laplacian, int k, String weighting, String distance,
                String tie, int stepLimit) {
            return new SpectralLineNavigator.Config(Laplacian.Variant.parse(laplacian),
                    k == 0 ? SpectralLineNavigator.Config.ALL_EIGENVECTORS : k,
                    SpectralLineNavigator.Weighting.parse(weighting), SpectralLineNavigator.DistanceRule.parse(distance),
                    SpectralLineNavigator.TieRule.parse(tie), stepLimit == 0 ? Integer.MAX_VALUE : stepLimit);
        }
    }

    public NavigateConfig {
        if (testPairs < 0) {
            throw new IllegalArgumentException("navigate.testPairs must be >= 0 (0 = all), got " + testPairs);
        }
        for (String name : navigators) {
            check(name);
        }
    }

    public static NavigateConfig defaults() {
        return new NavigateConfig(KNOWN, new Sln("combinatorial", 3, "none", "min", "lowest_index", 0), true, 5_000);
    }

    /** The navigator called {@code name}; {@code seed} drives the random navigator. */
    public Navigator navigator(String name, long seed) {
        return switch (check(name)) {
            case "bfs" -> new BfsNavigator();
            case "sln" -> new SpectralLineNavigator(sln.toConfig());
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
