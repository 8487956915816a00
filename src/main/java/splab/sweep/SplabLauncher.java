package splab.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts {@code splab} again in a new process, taken from the running JVM: {@code java -jar
 * splab.jar} when the lab's classes come from its jar, otherwise {@code java -cp CLASSPATH splab.cli.Main} (as
 * under the test runner). Used for a sweep's runs and for the commands it prints for a scheduler.
 */
public final class SplabLauncher {
    private static final String MAIN = "splab.cli.Main";

    private SplabLauncher() {}

    public static List<String> currentJvm() {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin));
        cmd.addAll(LaunchOptions.jvmOptions(List.of()));
        Path own = ownLocation();
        if (own != null && own.toString().endsWith(".jar")) {
            cmd.addAll(List.of("-jar", own.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        }
        return cmd;
    }

    /** Where the lab's classes were loaded from: its jar, or a classes folder. */
    private static Path ownLocation() {
        try {
            var source = SplabLauncher.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** One shell line: environment assignments, then the command, every word quoted where a shell needs it. */
    public static String shellLine(List<String> environment, List<String> command) {
        List<String> words = new ArrayList<>(environment);
        command.forEach(w -> words.add(quote(w)));
        return String.join(" ", words);
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./=:,+@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
