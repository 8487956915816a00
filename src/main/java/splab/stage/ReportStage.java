package splab.stage;

import java.nio.file.Path;
import java.util.List;

import splab.analysis.SpectralResults;
import splab.config.LabConfig;
import splab.navigate.ScoreSheet;
import splab.report.Report;
import splab.report.RunReport;

/** The report stage: {@code report.md} and {@code report.html} of a run from the other stages' results. */
public final class ReportStage {
    private ReportStage() {}

    /**
     * Writes the run's report; {@code sheets} (navigators) or {@code spectral} may be null when that stage was not
     * run, and {@code config} null when the run folder has no config.json.
     */
    public static Report run(LabConfig config, Path runDir, List<ScoreSheet> sheets, SpectralResults spectral) {
        return RunReport.write(runDir, config, sheets, spectral);
    }
}
