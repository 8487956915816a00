package splab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import splab.spectral.EigenTarget;
import splab.spectral.Laplacian;
import splab.spectral.LinearProbe;

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
 * @param orders        random edge orders per graph whose edge representations are averaged (>= 1). Attention is
 *                      causal, so an edge written early has seen few others; averaging over orders gives each edge
 *                      a representation of the whole graph on average. Attention is measured on the first order.
 * @param interventionQueries held-out queries per analysed graph decoded under each claim-2 edit (0 turns the
 *                      interventions off)
 * @param interventionControls random incidence-span subspaces drawn as the control of the spectral removal
 * @param bootstrap     resamples of the paired bootstrap intervals of the claim-2 comparisons
 */
public record SpectralConfig(int graphs, int k, Laplacian.Variant variant, EdgeRepresentations.Position position,
        int slnLayer, int exampleGraphs, double ridge, long seed, int attentionArrays, int orders,
        int interventionQueries, int interventionControls, int bootstrap) {

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
        if (orders < 1) {
            throw new IllegalArgumentException("spectral.orders must be >= 1, got " + orders);
        }
        if (exampleGraphs < 0 || attentionArrays < 0) {
            throw new IllegalArgumentException("spectral.exampleGraphs and spectral.attentionArrays must be >= 0");
        }
        if (interventionQueries < 0 || interventionControls < 0 || bootstrap < 1) {
            throw new IllegalArgumentException("spectral.interventionQueries and spectral.interventionControls must be >= 0 "
                    + "and spectral.bootstrap >= 1, got " + interventionQueries + ", " + interventionControls + ", " + bootstrap);
        }
        if (!(ridge >= 0)) {
            throw new IllegalArgumentException("spectral.ridge must be >= 0 (0 = chosen per graph), got " + ridge);
        }
    }

    public static SpectralConfig defaults() {
        return new SpectralConfig(200, 3, Laplacian.Variant.COMBINATORIAL, EdgeRepresentations.Position.EDGE_TOKEN,
                -1, 3, 0, 1, 20, 1, 3, 20, 2000);
    }

    /** The same settings with another seed (the run's one seed drives the nulls too). */
    public SpectralConfig withSeed(long newSeed) {
        return new SpectralConfig(graphs, k, variant, position, slnLayer, exampleGraphs, ridge, newSeed,
                attentionArrays, orders, interventionQueries, interventionControls, bootstrap);
    }

    public static List<String> keys() {
        return new ArrayList<>(List.of("graphs", "k", "variant", "position", "slnLayer", "exampleGraphs", "ridge", "seed", "attentionArrays", "orders",
                "interventionQueries", "interventionControls", "bootstrap"));
    }

    /** One line for reports. */
    public String describe() {
        return String.format(Locale.ROOT, "graphs=%d, k=%d, variant=%s, position=%s, orders=%d, slnLayer=%d, ridge=%s, seed=%d",
                graphs, k, variant.name().toLowerCase(Locale.ROOT), position.name().toLowerCase(Locale.ROOT), orders, slnLayer,
                ridge == 0 ? "auto" : Double.toString(ridge), seed);
    }
}
