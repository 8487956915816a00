package splab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a finished run folder back: the model's rows of navigators.csv, the held-out curve and the wall time. */
class RunFiguresTest {
    @TempDir
    Path dir;

    private void write(String navigators) throws IOException {
        Files.writeString(dir.resolve("navigators.csv"), navigators);
        Files.writeString(dir.resolve("metrics.jsonl"), """
                {"step":10,"loss":1.0}
                {"step":20,"examples_seen":640,"eval_correct":0.5}
                {"step":40,"examples_seen":1280,"eval_correct":0.96}
                """);
        Files.writeString(dir.resolve("run.json"), "{\"wallSeconds\": 12.5}");
    }

    @Test
    void figuresComeFromTheModelsRowsOnlyWithSizesAndDistances() throws IOException {
        String header = "navigator,n,d,pairs,correct,accuracy\n";
        write(header + String.join("\n", List.of(
                "bfs,all,all,100,100,1.0", "bfs,9,all,40,40,1.0",
                "model,8,1,30,30,1.0", "model,8,2,20,15,0.75", "model,9,1,25,20,0.8", "model,9,3,15,3,0.2",
                "model,8,all,50,45,0.9", "model,9,all,40,23,0.575",
                "model,all,1,55,50,0.909", "model,all,2,20,15,0.75", "model,all,3,15,3,0.2",
                "model,all,all,90,68,0.756")) + "\n");
        RunFigures f = RunFigures.read(dir);
        assertEquals(68.0 / 90, f.correct(), 1e-12);
        assertEquals(50.0 / 55, f.byDistance()[0], 1e-12);
        assertEquals(3.0 / 15, f.byDistance()[2], 1e-12);
        assertEquals(15, f.pairsFar());
        assertEquals(List.of(8, 9), List.copyOf(f.bySize().keySet()), "bfs's row for n = 9 is not the model's");
        assertEquals(45.0 / 50, f.bySize().get(8), 1e-12);
        assertEquals(23.0 / 40, f.bySize().get(9), 1e-12);
        assertEquals(1280, f.examplesToReach(0.95));
        assertTrue(Double.isNaN(f.examplesToReach(0.99)));
        assertEquals(12.5, f.wallSeconds());
    }

    @Test
    void aResumedRunsWallTimeCountsTrainingAcrossInvocations() throws IOException {
        write("navigator,n,d,pairs,correct,accuracy\nmodel,all,all,10,9,0.9\n");
        // trained over several invocations (wall_s carries on across resumes); the last one found training done
        Files.writeString(dir.resolve("metrics.jsonl"), """
                {"step":10,"loss":1.0,"wall_s":1500.0}
                {"step":20,"examples_seen":640,"eval_correct":0.5,"wall_s":4713.6}
                """);
        Files.writeString(dir.resolve("run.json"),
                "{\"dataDoneSeconds\": 0.1, \"trainDoneSeconds\": 0.6, \"wallSeconds\": 160.6}");
        assertEquals(160.6 - 0.5 + 4713.6, RunFigures.read(dir).wallSeconds(), 1e-9);
        // a run made in one invocation: its data stage counts, its training span is the metrics' own
        Files.writeString(dir.resolve("run.json"),
                "{\"dataDoneSeconds\": 20.0, \"trainDoneSeconds\": 4740.0, \"wallSeconds\": 4900.0}");
        assertEquals(4900.0 - 4720.0 + 4713.6, RunFigures.read(dir).wallSeconds(), 1e-9);
    }

    @Test
    void aRunWithoutTheModelsRowIsNamed() throws IOException {
        write("navigator,n,d,pairs,correct,accuracy\nbfs,all,all,100,100,1.0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFigures.read(dir));
        assertTrue(e.getMessage().contains("navigators.csv") && e.getMessage().contains("no row for the model"), e.getMessage());
    }
}
