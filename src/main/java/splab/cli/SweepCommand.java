package splab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import splab.io.AtomicFiles;
import splab.sweep.SplabLauncher;
import splab.sweep.SweepGrid;
import splab.sweep.SweepPlan;
import splab.sweep.SweepRunner;
import splab.sweep.SweepSummary;

/** {@code splab sweep}: a grid of settings x seeds, each an ordinary run folder, then one table and report. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a grid of settings over several seeds, each as an ordinary run folder under --out, "
                + "then aggregate them into sweep.csv and sweep.html (mean and 95%% interval over seeds per setting).",
            "A rerun skips the runs already finished and continues the others. With --print-commands nothing runs: "
                + "one splab command per run is written for a scheduler, and --collect aggregates what they wrote."})
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--grid", paramLabel = "KEY=V1,V2", description = "One axis of the grid, e.g. model.heads=1,2,4,8 (repeatable)")
    List<String> grid = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Seeds per setting, counted from the config's seed (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep folder (one run folder per setting x seed inside)")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Runs at a time; the cores are divided among them (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--print-commands", description = "Write the plan and one splab command per run to commands.txt, run nothing")
    boolean printCommands;

    @Option(names = "--collect", paramLabel = "DIR", description = "Only aggregate the sweep folder DIR (runs made elsewhere)")
    Path collect;

    @Override
    public Integer call() throws Exception {
        if (collect != null) {
            List<String> planning = new ArrayList<>();
            if (out != null) {
                planning.add("--out");
            }
            if (!grid.isEmpty()) {
                planning.add("--grid");
            }
            if (printCommands) {
                planning.add("--print-commands");
            }
            if (configOptions.config != null || !configOptions.overrides.isEmpty() || configOptions.seed != null) {
                planning.add("--config/--set/--seed");
            }
            if (!planning.isEmpty()) {
                throw new IllegalArgumentException("--collect DIR only aggregates the runs planned in DIR/sweep.json (and "
                        + "writes the tables there); " + String.join(", ", planning) + " does not go with it");
            }
            int finished = SweepSummary.write(SweepPlan.load(collect));
            System.out.println("sweep: aggregated " + finished + " finished runs into " + collect.resolve("sweep.html"));
            return 0;
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is needed (or --collect DIR to aggregate a sweep folder)");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        long firstSeed = configOptions.resolve(List.of()).seed();
        List<String> baseOverrides = new ArrayList<>(configOptions.overrides);
        baseOverrides.removeIf(o -> o.startsWith("seed="));
        SweepPlan plan = SweepPlan.of(configOptions.config, baseOverrides, SweepGrid.parse(grid, seeds, firstSeed), out);
        plan.save();
        List<String> splab = SplabLauncher.currentJvm();
        if (printCommands) {
            int threads = SweepRunner.threadsPerJob(Runtime.getRuntime().availableProcessors(), jobs);
            StringBuilder sb = new StringBuilder();
            for (SweepPlan.Run r : plan.runs()) {
                List<String> cmd = new ArrayList<>(splab);
                cmd.addAll(r.args());
                sb.append(SplabLauncher.shellLine(SweepRunner.environment(threads), cmd)).append('\n');
            }
            AtomicFiles.writeString(plan.folder().resolve("commands.txt"), sb.toString());
            System.out.print(sb);
            System.err.println("sweep: " + plan.runs().size() + " commands written to " + plan.folder().resolve("commands.txt")
                    + "; aggregate with: splab sweep --collect " + plan.folder());
            return 0;
        }
        SweepRunner.Outcome o = SweepRunner.run(plan, splab, jobs, System.out);
        int finished = SweepSummary.write(plan);
        System.out.printf("sweep: %d ran now, %d kept from before, %d failed; %d finished runs in %s%n", o.ran().size(),
                o.skipped().size(), o.failed().size(), finished, plan.folder().resolve("sweep.html"));
        if (!o.failed().isEmpty()) {
            System.err.println("sweep: failed runs (logs in " + plan.folder().resolve("logs") + "): " + String.join(", ", o.failed()));
            return 1;
        }
        return 0;
    }
}
