/**
 * Benchmarks and experiment drivers, kept out of the capability packages: {@link splab.bench.DataBench},
 * {@link splab.bench.TrainBench} and {@link splab.bench.NavigatorBench} measure throughput (behind
 * {@code splab bench}); {@link splab.bench.SlnSweep} grids the Spectral Line Navigator's settings and
 * {@link splab.bench.NavigatorExperiments} is the hand-run main behind the navigator figures in
 * {@code experiments/README.md}.
 */
package splab.bench;
