package splab.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code --help} of every command and subcommand: it prints, and no description line stops mid-sentence. */
class HelpTest {
    /** Every command path under {@code splab}, e.g. [navigate], [bench, train]. */
    private static List<List<String>> commandPaths(CommandLine cli, List<String> prefix, List<List<String>> out) {
        for (var e : cli.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            commandPaths(e.getValue(), path, out);
        }
        return out;
    }

    private static boolean endsASentence(String line) {
        String s = line.strip();
        return s.endsWith(".") || s.endsWith("?") || s.endsWith(".)");
    }

    @Test
    void everyCommandPrintsItsHelpInWholeSentences() {
        CommandLine root = new CommandLine(new Main());
        List<List<String>> paths = commandPaths(root, List.of(), new ArrayList<>());
        assertTrue(paths.size() >= 10, "commands found: " + paths);
        for (List<String> path : paths) {
            CommandLine cli = root;
            for (String name : path) {
                cli = cli.getSubcommands().get(name);
            }
            String[] description = cli.getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0, path + " has no description");
            for (String line : description) {
                assertTrue(endsASentence(line), path + ": description line cut mid-sentence: '" + line + "'");
                // picocli formats descriptions; a bare % makes it warn on stderr and print the text raw
                assertDoesNotThrow(() -> String.format(line), path + ": description is not a valid format: " + line);
            }
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            MainTest.Outcome o = MainTest.run(args.toArray(new String[0]));
            assertEquals(0, o.code(), path + ": " + o.err());
            assertTrue(o.out().startsWith("Usage: splab " + String.join(" ", path)), o.out());
            assertTrue(o.out().replaceAll("\\s+", " ").contains(String.format(description[0]).replaceAll("\\s+", " ").strip()),
                    path + " help shows its summary: " + o.out());
        }
    }

    @Test
    void theCommandListShowsWholeSummaries() {
        MainTest.Outcome o = MainTest.run("--help");
        assertEquals(0, o.code(), o.err());
        String list = o.out().substring(o.out().indexOf("Commands:"));
        // each command's summary (its wrapped continuation lines joined) ends a sentence
        List<String> summaries = new ArrayList<>();
        for (String line : list.lines().skip(1).toList()) {
            if (line.startsWith("  ") && !line.startsWith("    ")) {
                summaries.add(line.strip());
            } else if (!summaries.isEmpty()) {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            }
        }
        assertFalse(summaries.isEmpty(), o.out());
        for (String s : summaries) {
            assertTrue(endsASentence(s), "cut summary in splab --help: " + s);
        }
    }
}
