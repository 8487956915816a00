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
 * by exact leave-one-edge-out residuals. The weights are refitted for each graph; what is measured is whether the
 * spectral coordinates are a linear read-out of the representation at all. R² = 1 - sum of squared
 * leave-one-out residuals / total sum of squares, over all k' columns. Multiplying Y on the right by any
 * orthogonal (or sign) matrix multiplies the predictions by the same matrix, so R² is invariant to the signs and to
 * the basis inside a repeated eigenvalue.
 *
 * <p>Solved in the dual (m x m kernel K = R_c R_c^T, cheap when d > m): hat matrix H = 11^T/m + K (K + λI)^-1 with
 * λ = {@code ridge} x trace(K)/m, so the penalty is relative to the representations' scale; the leave-one-out
 * residual of edge i is (y_i - ŷ_i) / (1 - H_ii). With d >= m and a small ridge, random features can fit any target
 * in sample; held-out R² is what separates them (near or below 0).
 */
public final class LinearProbe {
    /** Default relative ridge. */
    public static final double DEFAULT_RIDGE = 1e-2;

    private LinearProbe() {
    }

    /** Leave-one-edge-out R² of the ridge probe; NaN when there are fewer than 3 edges or the target is constant. */
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
        double lambda = ridge * (trace > 0 ? trace / m : 1.0);
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
                sst += yc[i][c] * yc[i][c];
            }
        }
        return sst <= 1e-300 ? Double.NaN : 1 - sse / sst;
    }
}
