package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * train.stopAt ends a run early, says why, and a resume treats the run as finished. The budget is checked at each
 * pause (every evaluation and every checkpoint: the tiny config checkpoints at step 20, before its first evaluation).
 */
class StopAtRunTest {
    @TempDir
    Path dir;

    @Test
    void aSpentBudgetStopsAtTheFirstPauseAndARerunKeepsIt() throws Exception {
        Path out = dir.resolve("run");
        List<String> a = new ArrayList<>(List.of("train", "--out", out.toString(), "--set", "train.stopAt.wallSeconds=0.001"));
        a.addAll(List.of(TrainCommandTest.TINY));
        MainTest.Outcome first = MainTest.run(a.toArray(new String[0]));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("train: stopped at step 20 of 60: wall-time budget of 0.001 s spent"), first.out());
        JsonNode stopped = new ObjectMapper().readTree(Files.readString(out.resolve("train_stopped.json")));
        assertEquals(20, stopped.path("step").asLong());
        JsonNode prov = new ObjectMapper().readTree(Files.readString(out.resolve("run.json")));
        assertEquals(20, prov.path("steps").asLong());
        assertTrue(prov.path("trainStopped").asText().contains("budget"), prov.toString());

        MainTest.Outcome resumed = MainTest.run("train", "--resume", out.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("resumed at step 20"), resumed.out());
        assertEquals(20, new ObjectMapper().readTree(Files.readString(out.resolve("run.json"))).path("steps").asLong(),
                "a stopped run is not trained further");
    }
}
