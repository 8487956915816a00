/**
 * Spectral math on plain arrays, testable without a model: {@link splab.spectral.Laplacian} (combinatorial and
 * normalized, of G or of its line graph, which {@link splab.graph.LineGraphs} numbers in the lab's edge order),
 * {@link splab.spectral.Spectrum} (ascending eigenvalues, sign-fixed eigenvectors, eigenspaces; the numerics are
 * Hipparchus' {@code EigenDecompositionSymmetric}), {@link splab.spectral.EigenTarget},
 * {@link splab.spectral.SubspaceAlignment}, {@link splab.spectral.LinearProbe} and
 * {@link splab.spectral.EmbeddingComparison}. Depends on {@code graph} only; the model-driven analysis that
 * feeds these arrays from a trained model is {@code splab.analysis}.
 */
package splab.spectral;
