/**
 * Navigators and their scoring. Everything that finds a path from s to t is a {@link splab.navigate.Navigator};
 * {@link splab.navigate.NavigatorScores} scores any of them on {@link splab.navigate.Query queries} or on all
 * ordered pairs of graphs into a {@link splab.navigate.ScoreSheet} (correct = any shortest path, exact = the
 * label path, failures by {@link splab.navigate.FailureKind}), rendered as a table or an atomically written CSV.
 * {@link splab.navigate.SlnSweep} grids the Spectral Line Navigator's settings and
 * {@link splab.navigate.NavigatorBench} measures pairs per second; {@link splab.navigate.NavigatorExperiments}
 * is the hand-run main behind the reported figures.
 */
package splab.navigate;
