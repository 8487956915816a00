package splab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import splab.spectral.PairedDifference;

/**
 * The claim-2 comparisons and the verdict sentences written from them. Every comparison is a paired difference
 * over the same graphs (trained minus a null) with a bootstrap 95% interval and a sign test; a finding is stated
 * only when its interval excludes zero, and otherwise said to be not shown, with the figures either way.
 */
public final class Claim2Verdict {
    /** One comparison at one layer: {@code a - b} over graphs. */
    public record Comparison(String layer, String question, String a, String b, PairedDifference difference) {}

    /** Which metric pairs are compared, with the question each answers. */
    static final List<String[]> PAIRS = List.of(
            new String[] {"alignment:trained", "alignment:endpoint_matched", "more spectral than incidence-only codes of the same statistics?"},
            new String[] {"alignment:trained", "alignment:token_embedding", "more spectral than the embedding table's endpoint sums?"},
            new String[] {"alignment:trained", "alignment:untrained", "more spectral than the untrained model?"},
            new String[] {"alignment:trained", "chance", "more spectral than a random subspace?"},
            new String[] {"incidence_share:trained", "incidence_share:untrained", "more of the representation in the incidence span than untrained?"},
            new String[] {"residual_alignment:trained", "residual_chance", "does the part outside the incidence span follow the eigenvectors' part there?"},
            new String[] {"node_alignment:trained", "node_chance", "do the node codes follow G's own Laplacian eigenvectors?"},
            new String[] {"node_signless:trained", "node_signless:untrained", "do the node codes follow the signless Laplacian more than untrained?"});

    private Claim2Verdict() {}

    public static List<Comparison> comparisons(Claim2Results c, int resamples, long seed) {
        List<Comparison> out = new ArrayList<>();
        for (String layer : c.layers()) {
            for (String[] p : PAIRS) {
                out.add(new Comparison(layer, p[2], p[0], p[1],
                        PairedDifference.of(c.get(layer, p[0]), c.get(layer, p[1]), resamples, seed)));
            }
        }
        return out;
    }

    /** Mean of the defined values. */
    public static double mean(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }

    /** (a - chance) / (1 - chance) per graph: 0 at chance, 1 at perfect alignment. */
    public static double[] normalized(double[] a, double[] chance) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = chance[i] >= 1 ? Double.NaN : (a[i] - chance[i]) / (1 - chance[i]);
        }
        return out;
    }

    /** The verdict sentences at the paper's layer, each computed from the comparisons and the interventions. */
    public static List<String> sentences(Claim2Results c, List<Comparison> all) {
        String layer = c.paperLayer();
        Map<String, Comparison> at = new LinkedHashMap<>();
        all.stream().filter(x -> x.layer().equals(layer)).forEach(x -> at.put(x.a() + " - " + x.b(), x));
        Comparison matched = at.get("alignment:trained - alignment:endpoint_matched");
        Comparison token = at.get("alignment:trained - alignment:token_embedding");
        Comparison residual = at.get("residual_alignment:trained - residual_chance");
        List<String> s = new ArrayList<>();
        boolean aboveSums = matched.difference().above() && token.difference().above();
        boolean outside = residual.difference().above();
        s.add(String.format(Locale.ROOT, "At `%s` (the paper's layer 1) the trained edge representations align with "
                + "eigenvectors 1..k' of the Laplacian of L(G) at %.3f on average, against %.3f for incidence-only codes "
                + "with the same statistics (difference %s) and %.3f for the embedding table's endpoint sums (difference %s).",
                layer, mean(c.get(layer, "alignment:trained")), mean(c.get(layer, "alignment:endpoint_matched")),
                matched.difference().describe(), mean(c.get(layer, "alignment:token_embedding")), token.difference().describe()));
        s.add(beyondSentence(aboveSums, outside));
        s.add(String.format(Locale.ROOT, "Where the alignment sits: %.3f of the trained representations' variance lies in "
                + "the incidence span (untrained %.3f), and %.3f of the eigenvectors' energy lies there too. Outside the span, "
                + "the residual's alignment with the eigenvectors' residual part is %s its chance level (%s).",
                mean(c.get(layer, "incidence_share:trained")), mean(c.get(layer, "incidence_share:untrained")),
                mean(c.get(layer, "incidence_share:eigenvectors")),
                residual.difference().above() ? "above" : "not shown to be above", residual.difference().describe()));
        Claim2Results.Interventions iv = c.interventions();
        if (iv != null && !iv.conditions().isEmpty()) {
            s.add(interventionSentence(iv));
        }
        return s;
    }

    /**
     * "Beyond incidence" needs both: alignment above every endpoint-sum code (random node codes of the same statistics,
     * and the embedding table's own rows) and a part outside the incidence span that follows the eigenvectors. Codes
     * inside the span are endpoint sums x_u + x_v whatever x is, so beating the embedding table there says only that the
     * first block's node codes are more spectral than the table's rows. The intervals are over graphs of one trained
     * model; nothing here measures how much another training seed would differ.
     */
    static String beyondSentence(boolean aboveSums, boolean outside) {
        if (aboveSums && outside) {
            return "Spectral beyond incidence: **supported** at this layer (above both endpoint-sum codes, and the part "
                    + "outside the incidence span follows the eigenvectors' part there; intervals over the graphs of this one "
                    + "trained model).";
        }
        if (aboveSums) {
            return "Spectral beyond incidence: **not shown** at this layer: the part outside the incidence span is not shown "
                    + "to follow the eigenvectors (below). Inside the span the representations are endpoint sums x_u + x_v, and "
                    + "their node codes x are **more spectral than the embedding table's rows** (both intervals above zero). "
                    + "Intervals are over the graphs of this one trained model, not over training seeds.";
        }
        return "Spectral beyond incidence: **not shown** at this layer (at least one interval reaches zero or lies below it): "
                + "the alignment is what endpoint sums alone would give, or less.";
    }

    private static String interventionSentence(Claim2Results.Interventions iv) {
        Map<String, Claim2Results.Condition> by = new LinkedHashMap<>();
        iv.conditions().forEach(x -> by.put(x.name(), x));
        double base = by.get("unedited").accuracy(), removed = by.get("spectral_removed").accuracy();
        double[] controls = iv.controls().stream().mapToDouble(Claim2Results.Condition::accuracy).sorted().toArray();
        if (controls.length == 0) {
            return String.format(Locale.ROOT, "Does the model use it: projecting the spectral subspace out of `%s` "
                    + "changes held-out accuracy from %.3f to %.3f (no random-subspace control drawn).", iv.layer(), base, removed);
        }
        double lo = controls[0], hi = controls[controls.length - 1];
        Claim2Results.Condition top = by.get("top_pcs_removed");
        double randomRemoved = iv.controls().stream().mapToDouble(Claim2Results.Condition::removed).average().orElse(Double.NaN);
        String specific;
        if (removed >= lo) {
            specific = "no more than removing random subspaces of the same dimension inside the incidence span (%d draws, "
                    + "%.3f to %.3f): a use of the spectral directions is not shown";
        } else if (removed <= top.accuracy()) {
            specific = "more than every one of %d random subspaces of the same dimension inside the incidence span (%.3f to "
                    + "%.3f), and at least as much as removing the representations' own top principal directions: the later "
                    + "layers depend on the spectral directions";
        } else {
            specific = "more than every one of %d random subspaces of the same dimension inside the incidence span (%.3f to "
                    + "%.3f), but less than removing the representations' own top principal directions: the later layers "
                    + "depend on the high-variance directions, which are largely the spectral ones; a use of the spectral "
                    + "directions beyond their variance is not shown";
        }
        return String.format(Locale.ROOT, "Does the model use it: with the spectral subspace projected out of `%s` at every "
                + "`<e>` position (removing %.3f of the representations' variance; the random controls remove %.3f, the top "
                + "principal directions %.3f), held-out accuracy goes from %.3f (unedited) to %.3f, against %.3f with the top "
                + "principal directions removed. That is " + specific + ". Keeping only the incidence part gives %.3f; "
                + "swapping the node codes with another graph's gives %.3f.", iv.layer(), by.get("spectral_removed").removed(),
                randomRemoved, top.removed(), base, removed, top.accuracy(), controls.length, lo, hi,
                by.get("incidence_only").accuracy(), by.get("node_codes_swapped").accuracy());
    }
}
