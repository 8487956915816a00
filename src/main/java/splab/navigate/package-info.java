/**
 * Navigators and their scoring. Everything that finds a path from s to t is a {@link splab.navigate.Navigator},
 * the trained transformer ({@link splab.navigate.TransformerNavigator}) included;
 * {@link splab.navigate.NavigatorScores} scores any of them on {@link splab.navigate.Query queries} or on all
 * ordered pairs of graphs into a {@link splab.navigate.ScoreSheet} (correct = any shortest path, exact = the
 * label path, failures by {@link splab.navigate.FailureKind}), rendered as a table or an atomically written CSV.
 * Sweeps and speed measurements of navigators are in {@code splab.bench}.
 */
package splab.navigate;
