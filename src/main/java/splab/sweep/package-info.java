/**
 * Sweeps: a grid of config settings crossed with seeds, each run as an ordinary {@code splab run} folder in its
 * own process, then aggregated over seeds (mean and 95% interval per setting) into {@code sweep.csv} and
 * {@code sweep.html}. Sits above the stages (it only starts runs and reads what they wrote) and below the CLI.
 */
package splab.sweep;
