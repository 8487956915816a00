package splab.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import splab.io.AtomicFiles;

/**
 * Runs a {@link SweepPlan}'s unfinished runs, {@code jobs} at a time, each as its own {@code splab run} process
 * (a failure or a crash of one run cannot take the others down, and each run's memory is returned when it
 * ends). The machine's cores are divided among the jobs through {@code OMP_NUM_THREADS}, which sets PyTorch's
 * intra-op threads when a run's {@code train.threads} is 0, without changing the run's config. Each run's
 * output goes to {@code logs/NAME.log} in the sweep folder.
 */
public final class SweepRunner {
    private static final long LINE_INTERVAL_MILLIS = 30_000;

    /** What became of the runs: finished now, finished before (skipped) and failed (with their logs). */
    public record Outcome(List<String> ran, List<String> skipped, List<String> failed) {}

    private SweepRunner() {}

    /** Intra-op threads per run when {@code jobs} runs share {@code cores}: at least one. */
    public static int threadsPerJob(int cores, int jobs) {
        return Math.max(1, cores / Math.max(1, jobs));
    }

    /** The environment a run needs beyond the caller's: passive OpenMP waiting and its share of threads. */
    public static List<String> environment(int threads) {
        return List.of("OMP_WAIT_POLICY=PASSIVE", "OMP_NUM_THREADS=" + threads);
    }

    /**
     * The order the unfinished runs start in: runs already begun (with a checkpoint) first, so a resumed sweep
     * finishes what it started; then seed by seed, every setting's first seed before any setting's second, so a
     * sweep cut short still has every setting measured. Ties keep the plan's order.
     */
    static List<SweepPlan.Run> executionOrder(List<SweepPlan.Run> todo) {
        List<SweepPlan.Run> order = new ArrayList<>(todo);
        order.sort(java.util.Comparator.comparing((SweepPlan.Run r) -> !begun(r))
                .thenComparingLong(SweepPlan.Run::seed));
        return order;
    }

    private static boolean begun(SweepPlan.Run r) {
        return java.nio.file.Files.isRegularFile(r.folder().resolve("checkpoints").resolve("LATEST"));
    }

    public static Outcome run(SweepPlan plan, List<String> splab, int jobs, PrintStream out) throws InterruptedException {
        List<SweepPlan.Run> todo = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (SweepPlan.Run r : plan.runs()) {
            if (r.finished()) {
                skipped.add(r.name());
            } else {
                todo.add(r);
            }
        }
        out.printf("sweep: %d runs, %d finished before (kept), %d to run, %d at a time%n",
                plan.runs().size(), skipped.size(), todo.size(), jobs);
        Path logs = plan.folder().resolve("logs");
        AtomicFiles.ensureWritableDirectory(logs);
        int threads = threadsPerJob(Runtime.getRuntime().availableProcessors(), jobs);
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        List<Process> live = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread stopAll = new Thread(() -> {
            synchronized (live) {
                live.forEach(Process::destroy);
            }
        });
        Runtime.getRuntime().addShutdownHook(stopAll);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        long start = System.nanoTime();
        try {
            for (SweepPlan.Run r : executionOrder(todo)) {
                pool.submit(() -> {
                    running.incrementAndGet();
                    Path log = logs.resolve(r.name() + ".log");
                    String result;
                    try {
                        int code = runOne(r, splab, threads, log, live);
                        result = code == 0 ? null : "exit " + code;
                    } catch (IOException e) {
                        result = "could not start: " + AtomicFiles.describe(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        result = "interrupted";
                    }
                    running.decrementAndGet();
                    if (result == null) {
                        ran.add(r.name());
                        out.printf("sweep: finished %s%n", r.name());
                    } else {
                        failed.add(r.name());
                        out.printf("sweep: FAILED %s (%s; see %s)%n", r.name(), result, log);
                    }
                    status(out, todo.size(), ran.size(), running.get(), failed.size(), start);
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(LINE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
                status(out, todo.size(), ran.size(), running.get(), failed.size(), start);
            }
        } finally {
            pool.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(stopAll);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs
            }
        }
        return new Outcome(List.copyOf(ran), skipped, List.copyOf(failed));
    }

    private static void status(PrintStream out, int total, int done, int running, int failed, long start) {
        out.printf("sweep: %d/%d done, %d running, %d failed, %d waiting (%.0f s)%n", done, total, running, failed,
                total - done - running - failed, (System.nanoTime() - start) / 1e9);
    }

    private static int runOne(SweepPlan.Run r, List<String> splab, int threads, Path log, List<Process> live)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(splab);
        cmd.addAll(r.args());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        for (String kv : environment(threads)) {
            int eq = kv.indexOf('=');
            pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        Files.deleteIfExists(log);
        Process p = pb.start();
        live.add(p);
        try {
            return p.waitFor();
        } finally {
            live.remove(p);
        }
    }
}
