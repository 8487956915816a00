/**
 * The stages of a run, each a small class that takes the resolved {@link splab.config.LabConfig} and the run
 * folder and returns its result: {@link splab.stage.DataStage} (the dataset), {@link splab.stage.TrainStage}
 * (training with held-out evaluation and checkpoints), {@link splab.stage.NavigateStage} (the run's model beside
 * every configured navigator on the same held-out pairs; also one query answered by every navigator),
 * {@link splab.stage.EvalStage} (the model on every held-out pair, {@code splab eval}), {@link splab.stage.SpectralStage} (the model against
 * the line-graph spectrum) and {@link splab.stage.ReportStage} (report.md and report.html). Commands in
 * {@code splab.cli} parse arguments and call these (benchmarks live in {@code splab.bench}, each with the
 * {@code report} method its {@code splab bench} subcommand calls).
 */
package splab.stage;
