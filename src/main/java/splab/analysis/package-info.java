/**
 * The model-driven analysis: a trained model is recorded on held-out graphs
 * ({@link splab.analysis.EdgeRepresentations}, {@link splab.analysis.AttentionAnalysis}) and its edge
 * representations are compared with the line-graph spectrum ({@link splab.analysis.SpectralAnalysis} into
 * {@link splab.analysis.SpectralResults}). Sits above {@code model} and {@code navigate}; the plain-array math it
 * calls is {@code splab.spectral}.
 */
package splab.analysis;
