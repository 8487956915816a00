package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every file under {@code bad-input/} is one case,
 * <pre>
 * args: COMMAND LINE ({file} = the input written below, {dir} = its folder, {tmp} = a fresh folder)
 * expect: FRAGMENT the one-line message must contain
 * file: NAME        (optional; the rest of the case file is that input's content)
 * </pre>
 * {@code \e} and {@code \a} in args and content stand for ESC and BEL. Each case must exit with status 2 and
 * print exactly one line on stderr besides progress, holding the fragment, with no control character and no stack trace.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(BadInputTest.class.getResource("/bad-input").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".case")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithOneLineAndStatusTwo(String name) throws Exception {
        String text = new String(BadInputTest.class.getResourceAsStream("/bad-input/" + name).readAllBytes(),
                StandardCharsets.UTF_8);
        String[] head = text.split("\n", 4);
        String args = head[0].substring("args: ".length());
        String expect = head[1].substring("expect:".length()).strip();
        Path caseDir = Files.createDirectories(tmp.resolve("case"));
        Path file = caseDir;
        if (head.length > 2 && head[2].startsWith("file: ")) {
            file = caseDir.resolve(head[2].substring("file: ".length()).strip());
            Files.writeString(file, controls(head.length > 3 ? head[3] : ""), StandardCharsets.UTF_8);
        }
        String[] argv = controls(args).replace("{file}", file.toString()).replace("{dir}", caseDir.toString())
                .replace("{tmp}", tmp.toString()).strip().split(" +");
        MainTest.Outcome o = MainTest.run(argv);
        // progress lines ("sampling: 50 / 50 ...") may precede the message, which is the one line naming the command
        List<String> all = o.err().lines().filter(l -> !l.isBlank()).toList();
        List<String> lines = all.stream().filter(l -> !l.matches("[a-z ]+: [0-9,]+ / [0-9,]+ .*")).toList();
        assertEquals(2, o.code(), name + ": " + o.err());
        assertEquals(1, lines.size(), name + " printed " + lines.size() + " lines: " + o.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("splab") && line.equals(all.get(all.size() - 1)), name + ": " + o.err());
        assertTrue(line.contains(expect), name + ": expected '" + expect + "' in: " + line);
        assertFalse(line.chars().anyMatch(c -> c < 0x20 || c == 0x7f), name + ": control character in: " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), name + ": " + line);
    }

    private static String controls(String s) {
        return s.replace("\\e", "\u001b").replace("\\a", "\u0007");
    }
}
