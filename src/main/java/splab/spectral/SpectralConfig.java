package splab.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the spectral analysis (config section {@code spectral}).
 *
 * @param graphs        held-out graphs to analyse (distinct graphs of the test split, in file order), >= 1
 * @param k             non-trivial eigenvectors compared (grown to whole eigenspaces, see {@link EigenTarget})
 * @param variant       Laplacian of L(G)
 * @param position      which token(s) stand for an edge
 * @param slnLayer      layer whose representations the learned SLN uses: -1 = the last block's output,
 *                      0 = {@code embed}, l >= 1 = output of block l - 1
 * @param exampleGraphs graphs drawn in figures (correlation heatmaps, attention maps)
 * @param ridge         relative ridge of the linear probe; 0 = chosen per graph from a grid ({@link LinearProbe#selectedR2})
 * @param seed          seed of edge-order shuffles and of the random-graph null
 * @param attentionArrays graphs whose full attention patterns are exported as .npy
 */
public record SpectralConfig(int graphs, int k, Laplacian.Variant variant, EdgeRepresentations.Position position,
        int slnLayer, int exampleGraphs, double ridge, long seed, int attentionArrays) {

    public SpectralConfig {
        if (graphs < 1) {
            throw new IllegalArgumentException("spectral.graphs must be >= 1, got " + graphs);
        }
        if (k < 1) {
            throw new IllegalArgumentException("spectral.k must be >= 1, got " + k);
        }
        if (variant == null || position == null) {
            throw new IllegalArgumentException("spectral.variant and spectral.position must be set");
        }
        if (slnLayer < -1) {
            throw new IllegalArgumentException("spectral.slnLayer must be -1 (last) or a layer index, got " + slnLayer);
        }
        if (exampleGraphs < 0 || attentionArrays < 0) {
            throw new IllegalArgumentException("spectral.exampleGraphs and spectral.attentionArrays must be >= 0");
        }
        if (!(ridge >= 0)) {
            throw new IllegalArgumentException("spectral.ridge must be >= 0 (0 = chosen per graph), got " + ridge);
        }
    }

    public static SpectralConfig defaults() {
        return new SpectralConfig(200, 3, Laplacian.Variant.COMBINATORIAL, EdgeRepresentations.Position.EDGE_TOKEN,
                -1, 3, 0, 1, 20);
    }

    /** Applies {@code key=value} overrides; keys may carry a {@code spectral.} prefix. Unknown keys are errors. */
    public SpectralConfig with(List<String> overrides) {
        SpectralConfig c = this;
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got '" + o + "'");
            }
            String key = o.substring(0, eq).trim();
            String value = o.substring(eq + 1).trim();
            if (key.startsWith("spectral.")) {
                key = key.substring("spectral.".length());
            }
            try {
                c = switch (key) {
                    case "graphs" -> new SpectralConfig(Integer.parseInt(value), c.k, c.variant, c.position, c.slnLayer, c.exampleGraphs, c.ridge, c.seed, c.attentionArrays);
                    case "k" -> new SpectralConfig(c.graphs, Integer.parseInt(value), c.variant, c.position, c.slnLayer, c.exampleGraphs, c.ridge, c.seed, c.attentionArrays);
                    case "variant" -> new SpectralConfig(c.graphs, c.k, Laplacian.Variant.parse(value), c.position, c.slnLayer, c.exampleGraphs, c.ridge, c.seed, c.attentionArrays);
                    case "position" -> new SpectralConfig(c.graphs, c.k, c.variant, EdgeRepresentations.Position.parse(value), c.slnLayer, c.exampleGraphs, c.ridge, c.seed, c.attentionArrays);
                    case "slnLayer", "layer" -> new SpectralConfig(c.graphs, c.k, c.variant, c.position, Integer.parseInt(value), c.exampleGraphs, c.ridge, c.seed, c.attentionArrays);
                    case "exampleGraphs" -> new SpectralConfig(c.graphs, c.k, c.variant, c.position, c.slnLayer, Integer.parseInt(value), c.ridge, c.seed, c.attentionArrays);
                    case "ridge" -> new SpectralConfig(c.graphs, c.k, c.variant, c.position, c.slnLayer, c.exampleGraphs, Double.parseDouble(value), c.seed, c.attentionArrays);
                    case "seed" -> new SpectralConfig(c.graphs, c.k, c.variant, c.position, c.slnLayer, c.exampleGraphs, c.ridge, Long.parseLong(value), c.attentionArrays);
                    case "attentionArrays" -> new SpectralConfig(c.graphs, c.k, c.variant, c.position, c.slnLayer, c.exampleGraphs, c.ridge, c.seed, Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("unknown key 'spectral." + key + "' (known: " + String.join(", ", keys()) + ")");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("spectral." + key + ": '" + value + "' is not a number of the right type");
            }
        }
        return c;
    }

    public static List<String> keys() {
        return new ArrayList<>(List.of("graphs", "k", "variant", "position", "slnLayer", "exampleGraphs", "ridge", "seed", "attentionArrays"));
    }

    /** One line for reports. */
    public String describe() {
        return String.format(Locale.ROOT, "graphs=%d, k=%d, variant=%s, position=%s, slnLayer=%d, ridge=%s, seed=%d",
                graphs, k, variant.name().toLowerCase(Locale.ROOT), position.name().toLowerCase(Locale.ROOT), slnLayer,
                ridge == 0 ? "auto" : Double.toString(ridge), seed);
    }
}
