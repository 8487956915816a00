package splab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import splab.bench.DataBench;
import splab.bench.NavigatorBench;
import splab.bench.TrainBench;
import splab.model.ModelConfig;

/** {@code splab bench}: throughput benchmarks that print their figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (not timed tests).",
        subcommands = {BenchCommand.Data.class, BenchCommand.Navigate.class, BenchCommand.Train.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "data", mixinStandardHelpOptions = true,
            description = "Graphs/s for sampling + shortest-path labels of every pair + canonical form.")
    static final class Data implements Callable<Integer> {
        @Option(names = "--n", defaultValue = "10", description = "Nodes per graph (default ${DEFAULT-VALUE})")
        int n;

        @Option(names = "--graphs", defaultValue = "400000", description = "Graphs per measurement (default ${DEFAULT-VALUE})")
        long graphs;

        @Option(names = "--threads", description = "Thread counts to measure (default: 1 and all cores)", split = ",")
        int[] threads;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Override
        public Integer call() {
            if (n < 2 || n > 64) {
                throw new IllegalArgumentException("--n must be in 2..64, got " + n);
            }
            int cores = Runtime.getRuntime().availableProcessors();
            DataBench.report(n, graphs, threads != null ? threads : cores > 1 ? new int[] {1, cores} : new int[] {1}, seed,
                    System.out);
            return 0;
        }
    }

    @Command(name = "navigate", mixinStandardHelpOptions = true,
            description = "Ordered pairs/s on one thread for SLN (eigendecomposition included) beside BFS.")
    static final class Navigate implements Callable<Integer> {
        @Option(names = "--n", defaultValue = "10", description = "Nodes per graph (default ${DEFAULT-VALUE})")
        int n;

        @Option(names = "--graphs", defaultValue = "20000", description = "Graphs (default ${DEFAULT-VALUE})")
        int graphs;

        @Option(names = "--passes", defaultValue = "3", description = "Timed passes after one warm-up (default ${DEFAULT-VALUE})")
        int passes;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Override
        public Integer call() {
            if (n < 2 || n > 64 || graphs < 1 || passes < 1) {
                throw new IllegalArgumentException("need 2 <= --n <= 64, --graphs >= 1, --passes >= 1");
            }
            NavigatorBench.report(n, graphs, passes, seed, System.out);
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Training speed: ms/step, non-padding tokens/s and model-FLOPs utilisation.",
                "Utilisation is the model's FLOP/s over the FLOP/s of a 1024x1024 float32 matrix product in the same run.",
                "Measured at the stated shape (rows filled to within 4 tokens of --seq), on synthetic batches of 3-10 "
                    + "node graphs padded to --seq, and on the lab's own batches (bucketed by n)."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--d-model", defaultValue = "128")
        int dModel;

        @Option(names = "--heads", defaultValue = "4")
        int heads;

        @Option(names = "--layers", defaultValue = "2")
        int layers;

        @Option(names = "--batch", defaultValue = "64")
        int batch;

        @Option(names = "--seq", defaultValue = "64", description = "Sequence length of the synthetic batches (default ${DEFAULT-VALUE})")
        int seq;

        @Option(names = "--steps", defaultValue = "30", description = "Timed steps after 5 warm-up steps (default ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--threads", split = ",", description = "Intra-op thread counts to measure (default: 1 and all cores)")
        int[] threads;

        @Option(names = "--positions", defaultValue = "rope",
                description = "Position encoding of the benchmarked model: rope (the lab's) or learned (a table added to "
                    + "the embedding, as in the usual GPT; default ${DEFAULT-VALUE})")
        String positions;

        @Option(names = "--batches", split = ",", defaultValue = "stated,padded,lab",
                description = "Which batches to measure: stated, padded, lab (default ${DEFAULT-VALUE})")
        List<String> kinds;

        @Option(names = "--trace", paramLabel = "FILE",
                description = "After the measurements, profile the stated shape's timed steps at the first thread count, "
                    + "write the engine's operator trace (Chrome trace JSON) to FILE and print the operators by self time")
        Path trace;

        @Override
        public Integer call() {
            if (!List.of("stated", "padded", "lab").containsAll(kinds)) {
                throw new IllegalArgumentException("--batches takes stated, padded and lab, got " + kinds);
            }
            if (steps < 1 || batch < 1 || seq < 16) {
                throw new IllegalArgumentException("need --steps >= 1, --batch >= 1, --seq >= 16");
            }
            ModelConfig.Positions encoding = switch (positions) {
                case "rope" -> ModelConfig.Positions.ROPE;
                case "learned" -> ModelConfig.Positions.LEARNED;
                default -> throw new IllegalArgumentException("--positions takes rope or learned, got '" + positions + "'");
            };
            int cores = Runtime.getRuntime().availableProcessors();
            TrainBench.report(dModel, heads, layers, batch, seq, steps, encoding,
                    threads != null ? threads : cores > 1 ? new int[] {cores, 1} : new int[] {1}, kinds, trace, System.out);
            return 0;
        }
    }
}
