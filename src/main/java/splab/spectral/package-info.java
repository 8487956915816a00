/**
 * Spectral tools on plain arrays: {@link splab.spectral.Laplacian} (combinatorial and normalized, of G or of
 * its line graph), {@link splab.spectral.LineGraphs} (L(G) numbered in the lab's edge order),
 * {@link splab.spectral.Spectrum} (ascending eigenvalues, sign-fixed eigenvectors, eigenspaces; the numerics
 * are Hipparchus' {@code EigenDecompositionSymmetric}).
 */
package splab.spectral;
