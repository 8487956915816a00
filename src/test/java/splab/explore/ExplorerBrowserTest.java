package splab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explorer.html} in a real browser: {@code src/scripts/check-explorer.sh} opens it in headless Chromium and
 * checks the rendered DOM (query list, graph with the model's path, attention view, {@code #query=N} redrawing the
 * graph) and a screenshot. Tagged {@code browser}: run with {@code mvn -B test -Pbrowser -Dgroups=browser}; skipped
 * with a message when Chromium is not installed.
 */
@Tag("browser")
class ExplorerBrowserTest {
    private static final Path SCRIPT = Path.of("src", "scripts", "check-explorer.sh");
    private static ExplorerData data;

    @BeforeAll
    static void needsChromium() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(dir, "chromium")) || Files.isExecutable(Path.of(dir, "chromium-browser"));
        }
        Assumptions.assumeTrue(found, "Chromium not found on PATH (apt-get install chromium): browser check skipped");
        data = ExplorerFixture.build(Path.of("tiny"));
    }

    private record Result(int code, String output) {
    }

    private static Result check(Path run, Path shot) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), run.toString(), shot.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "check-explorer.sh did not finish");
        return new Result(p.exitValue(), output);
    }

    @Test
    void thePageRendersAndAnotherQueryRedrawsTheGraph(@TempDir Path run) throws Exception {
        ExplorerPage.write(run.resolve(ExplorerPage.FILE), data);
        Path shot = run.resolve("shot.png");
        Result r = check(run, shot);
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("redraws the graph"), r.output());
        assertTrue(Files.size(shot) > 40_000, "screenshot size " + Files.size(shot));
    }

    @Test
    void aPageWhoseScriptFailsIsCaught(@TempDir Path run) throws Exception {
        // data the script cannot parse: nothing gets drawn, and the check must say so
        String broken = ExplorerPage.render(data).replace("{\"run\":\"tiny\"", "{\"run\":");
        Files.writeString(run.resolve(ExplorerPage.FILE), broken);
        Result r = check(run, run.resolve("shot.png"));
        assertEquals(1, r.code(), r.output());
        assertTrue(r.output().contains("the query list is empty"), r.output());
    }
}
