package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus in {@code src/test/resources/bad-input/cases.tsv}: every case must exit with status 2 and
 * print exactly one line on standard error that names the problem, without a stack trace or a raw control
 * character, and must leave no half-written file behind.
 */
class BadInputCorpusTest {
    private static final Path RES = Path.of("src/test/resources/bad-input");

    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        return Files.readAllLines(RES.resolve("cases.tsv")).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineStatusTwoNothingHalfWritten(String line) throws IOException {
        String[] parts = line.split("\t");
        assertEquals(2, parts.length, "case line needs arguments, a tab and a fragment: " + line);
        List<String> args = new ArrayList<>();
        for (String a : parts[0].split(" ")) {
            args.add(a.replace("{res}", RES.toString()).replace("{tmp}", tmp.toString()));
        }
        MainTest.Outcome o = MainTest.run(args.toArray(new String[0]));
        String err = o.err().strip();
        assertEquals(2, o.code(), "status for " + line + ": " + err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains(parts[1]), "'" + parts[1] + "' in: " + err);
        assertFalse(err.chars().anyMatch(c -> Character.isISOControl(c)), "no control character reaches the terminal: " + err);
        try (Stream<Path> files = Files.walk(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary file is left");
        }
    }
}
