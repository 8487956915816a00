package splab.spectral;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * A linear probe from edge representations to spectral coordinates, scored out of sample.
 *
 * <p><b>Choice and why.</b> Eigenvector coordinates have no common frame across graphs: m differs, each
 * eigenvector's sign is arbitrary, and inside a repeated eigenvalue any rotation is as valid. A probe fitted on
 * some graphs and scored on others would mostly measure that arbitrariness. So the probe is fitted <em>per
 * graph</em> and scored on <em>held-out edges</em>: ridge regression of the m x k' target Y (eigenvectors 1..k',
 * whole eigenspaces, see {@link EigenTarget}) on the m x d representations R with an unpenalised intercept, scored
 * by exact leave-one-edge-out residuals (ridge fixed, or chosen per graph from a grid by {@link #selectedR2}). The weights are refitted for each graph; what is measured is whether the
 * spectral coordinates are a linear read-out of the representation at all. R² = 1 - sum of squared
 * leave-one-out residuals / the same for the intercept-only model, over all k' columns. Multiplying Y on the right by any
 * orthogonal (or sign) matrix multiplies the predictions by the same matrix, so R² is invariant to the signs and to
 * the basis inside a repeated eigenvalue. The denominator is the leave-one-out error of the intercept-only model
 * (y_i minus the mean of the other edges), so "no information" scores 0 whatever m is (with the plain total sum of
 * squares a mean-only predictor would score 1 - (m/(m-1))², about -0.4 at m = 6).
 *
 * <p>Solved in the dual (m x m kernel K = R_c R_c^T, cheap when d > m): hat matrix H = 11^T/m + K (K + λI)^-1 with
 * λ = {@code ridge} x trace(K)/m, so the penalty is relative to the representations' scale; the leave-one-out
 * residual of edge i is (y_i - ŷ_i) / (1 - H_ii). With d >= m and a small ridge, random features can fit any target
 * in sample; held-out R² is what separates them (near or below 0).
 */
public final class LinearProbe {
    /** Default relative ridge for the fixed-ridge form. */
    public static final double DEFAULT_RIDGE = 1e-2;

    /** Relative ridges tried by {@link #selectedR2}. */
    public static final double[] RIDGE_GRID = {1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100};

    /**
     * The best leave-one-edge-out R² over {@link #RIDGE_GRID}: the ridge is chosen per graph by the same
     * leave-one-out criterion it is scored with. That is mildly optimistic (a maximum over seven values), but every
     * condition, the nulls included, gets the same selection; with a large ridge the prediction tends to the mean,
     * so features unrelated to the target score near 0 instead of far below it.
     */
    public static double selectedR2(double[][] reps, double[][] target) {
        double best = Double.NaN;
        for (double r : RIDGE_GRID) {
            double x = leaveOneOutR2(reps, target, r);
            if (!Double.isNaN(x) && (Double.isNaN(best) || x > best)) {
                best = x;
            }
        }
        return best;
    }

    private LinearProbe() {
    }

    /**
     * Leave-one-edge-out R² of the ridge probe with relative ridge {@code ridge}; NaN when there are fewer than 3
     * edges, or the representations or the target are constant over the edges (nothing to read out).
     */
    public static double leaveOneOutR2(double[][] reps, double[][] target, double ridge) {
        int m = reps.length;
        if (m < 3 || Matrices.cols(target) == 0) {
            return Double.NaN;
        }
        if (target.length != m) {
            throw new IllegalArgumentException("representations have " + m + " rows, target " + target.length);
        }
        double[][] rc = Matrices.centreColumns(reps);
        double[][] k = new double[m][m];
        double trace = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int x = 0; x < rc[i].length; x++) {
                    s += rc[i][x] * rc[j][x];
                }
                k[i][j] = s;
                k[j][i] = s;
            }
            trace += k[i][i];
        }
        double scale = 0;
        for (double[] row : reps) {
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        if (trace <= 1e-20 * Math.max(1, scale * scale) * m) {
            return Double.NaN;
        }
        double lambda = ridge * trace / m;
        double[][] reg = new double[m][m];
        for (int i = 0; i < m; i++) {
            reg[i] = k[i].clone();
            reg[i][i] += lambda;
        }
        RealMatrix kk = new Array2DRowRealMatrix(k, false);
        // H_c = (K + λI)^-1 K, symmetric because the two factors commute
        RealMatrix hc = new CholeskyDecomposition(new Array2DRowRealMatrix(reg, false), 1e-14, 1e-300)
                .getSolver().solve(kk);
        double[][] yc = Matrices.centreColumns(target);
        double sse = 0, sst = 0;
        for (int c = 0; c < yc[0].length; c++) {
            for (int i = 0; i < m; i++) {
                double fit = 0;
                for (int j = 0; j < m; j++) {
                    fit += hc.getEntry(i, j) * yc[j][c];
                }
                double h = hc.getEntry(i, i) + 1.0 / m;
                double resid = (yc[i][c] - fit) / Math.max(1 - h, 1e-12);
                sse += resid * resid;
                // the intercept-only model's leave-one-out residual: y_i minus the mean of the others
                double meanOnly = yc[i][c] * m / (m - 1.0);
                sst += meanOnly * meanOnly;
            }
        }
        return sst <= 1e-300 ? Double.NaN : 1 - sse / sst;
    }
}
