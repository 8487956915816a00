/**
 * The stages of a run, each a small class that takes the resolved {@link splab.config.LabConfig} and the run
 * folder and returns its result: {@link splab.stage.DataStage}, {@link splab.stage.TrainStage},
 * {@link splab.stage.NavigateStage}. Commands in {@code splab.cli} parse arguments and call these.
 */
package splab.stage;
