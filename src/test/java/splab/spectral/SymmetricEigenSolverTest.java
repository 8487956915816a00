package splab.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

class SymmetricEigenSolverTest {

    private static double[][] randomSymmetric(int n, Random rng) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double x = rng.nextInt(4) == 0 ? 0 : rng.nextGaussian();
                a[i][j] = x;
                a[j][i] = x;
            }
        }
        return a;
    }

    @Test
    void agreesWithHipparchusAndSatisfiesTheEigenEquation() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(30);
            double[][] a = randomSymmetric(n, rng);
            SymmetricEigenSolver.Result vd = SymmetricEigenSolver.decompose(a);
            double[] values = vd.values();
            double[][] v = vd.vectors();
            double[] ref = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a), 1e-12, false)
                    .getEigenvalues();
            java.util.Arrays.sort(ref);
            for (int j = 0; j < n; j++) {
                assertEquals(ref[j], values[j], 1e-9, "eigenvalue " + j + " of a random " + n + "x" + n);
                for (int i = 0; i < n; i++) {
                    double av = 0;
                    for (int k = 0; k < n; k++) {
                        av += a[i][k] * v[k][j];
                    }
                    assertEquals(values[j] * v[i][j], av, 1e-9);
                }
                for (int j2 = 0; j2 < n; j2++) {
                    double dot = 0;
                    for (int k = 0; k < n; k++) {
                        dot += v[k][j] * v[k][j2];
                    }
                    assertEquals(j == j2 ? 1.0 : 0.0, dot, 1e-9, "orthonormal columns");
                }
            }
        }
    }

    @Test
    void handlesDiagonalAndHighlyDegenerateMatrices() {
        double[][] zero = new double[5][5];
        double[] values = SymmetricEigenSolver.decompose(zero).values();
        for (double x : values) {
            assertEquals(0.0, x, 0.0);
        }
        double[][] diag = {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}};
        assertEquals(-1.0, SymmetricEigenSolver.decompose(diag).values()[0], 1e-15);
        // J - I of order 12: eigenvalues -1 (11 times) and 11
        double[][] j = new double[12][12];
        for (int r = 0; r < 12; r++) {
            for (int c = 0; c < 12; c++) {
                j[r][c] = r == c ? 0 : 1;
            }
        }
        double[] jv = SymmetricEigenSolver.decompose(j).values();
        for (int r = 0; r < 11; r++) {
            assertEquals(-1.0, jv[r], 1e-12);
        }
        assertEquals(11.0, jv[11], 1e-12);
    }
}
