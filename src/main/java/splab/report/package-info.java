/**
 * A run's report: {@link splab.report.Report} (Markdown and self-contained HTML from one list of blocks),
 * {@link splab.report.Charts} (PNG charts drawn with Java2D), {@link splab.report.NpyWriter} (arrays for Python),
 * and the spectral part ({@link splab.report.SpectralFiles}, {@link splab.report.SpectralSections}).
 */
package splab.report;
