package splab.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SweepRunnerTest {
    @TempDir
    Path dir;

    private SweepPlan.Run run(String heads, long seed) {
        String name = "model.heads-" + heads + "_seed-" + seed;
        return new SweepPlan.Run(name, "model.heads=" + heads, Map.of("model.heads", heads), seed, dir.resolve(name),
                List.of());
    }

    @Test
    void everySettingsFirstSeedStartsBeforeAnySecondSeed() {
        List<SweepPlan.Run> plan = List.of(run("1", 1), run("1", 2), run("2", 1), run("2", 2), run("4", 1), run("4", 2));
        List<String> order = SweepRunner.executionOrder(plan).stream().map(SweepPlan.Run::name).toList();
        assertEquals(List.of("model.heads-1_seed-1", "model.heads-2_seed-1", "model.heads-4_seed-1",
                "model.heads-1_seed-2", "model.heads-2_seed-2", "model.heads-4_seed-2"), order);
    }

    @Test
    void runsAlreadyBegunComeFirst() throws IOException {
        List<SweepPlan.Run> plan = List.of(run("1", 1), run("2", 1), run("2", 2));
        Path checkpoints = Files.createDirectories(dir.resolve("model.heads-2_seed-2").resolve("checkpoints"));
        Files.writeString(checkpoints.resolve("LATEST"), "step-00002000\n");
        List<String> order = SweepRunner.executionOrder(plan).stream().map(SweepPlan.Run::name).toList();
        assertEquals(List.of("model.heads-2_seed-2", "model.heads-1_seed-1", "model.heads-2_seed-1"), order);
    }
}
