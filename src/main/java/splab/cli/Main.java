package splab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import splab.sweep.LaunchOptions;

/**
 * {@code splab}: the lab's command line. Sets DJL's offline switches before any DJL class can load, so no
 * command ever reaches for the network.
 */
@Command(name = "splab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "How does a small decoder-only transformer find shortest paths in graphs?",
        subcommands = {RunCommand.class, DataCommand.class, TrainCommand.class, EvalCommand.class,
            NavigateCommand.class, SpectralCommand.class, ExploreCommand.class, SweepCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        Map<String, String> missing;
        try {
            missing = LaunchOptions.launchEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("splab: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!missing.isEmpty()) {
            System.exit(relaunch(args, missing));
        }
        System.exit(execute(args));
    }

    /**
     * Native settings ({@link LaunchOptions}: OpenMP waiting, glibc malloc, the BLAS library) are read when the
     * process starts, so the launcher starts itself again with the missing ones set, adding the JVM options.
     */
    private static int relaunch(String[] args, Map<String, String> missing) {
        java.util.List<String> given = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(given);
        cmd.addAll(LaunchOptions.jvmOptions(given));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().putAll(missing);
        try {
            Process p = pb.start();
            // a SIGTERM or Ctrl-C to this launcher must reach the real process too
            Thread stopChild = new Thread(() -> {
                p.destroy();
                try {
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(stopChild);
            int code = p.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException e) {
                // the launcher itself is being stopped: the hook has already stopped the child
            }
            return code;
        } catch (java.io.IOException e) {
            System.err.println("splab: could not restart with " + missing + " (" + e.getMessage()
                    + "); set them in the environment");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** Runs the command line and returns the exit code (0 ok, 2 bad input, 1 failure). */
    public static int execute(String... args) {
        configureOffline();
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getCommandLine().getCommandName() + ": " + oneLine(ex.getMessage())
                    + " (see " + qualifiedName(ex.getCommandLine()) + " --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean badInput = ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException;
            err.println(qualifiedName(commandLine) + ": " + oneLine(ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("SPLAB_DEBUG") != null) {
                ex.printStackTrace(err);
            } else if (!badInput) {
                err.println("(set SPLAB_DEBUG=1 for the stack trace)");
            }
            return badInput ? 2 : 1;
        });
        return cli.execute(args);
    }

    /**
     * An error message as one printable line: line breaks (a parser's appended location, say) become "; " and other
     * control characters from the input (ESC, BEL, ...) are shown as \\xNN instead of reaching the terminal.
     */
    static String oneLine(String message) {
        StringBuilder sb = new StringBuilder();
        String text = message.strip().replaceAll("\\s*\\R\\s*", "; ");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** DJL reads these as environment variables or system properties; set them unless the user did. */
    static void configureOffline() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", System.getProperty("user.home") + "/.djl.ai");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String qualifiedName(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"splab 0.1.0"};
        }
    }
}
