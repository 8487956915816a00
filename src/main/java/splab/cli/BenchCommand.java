package splab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.data.Batcher;
import splab.bench.DataBench;
import splab.data.DataConfig;
import splab.data.DatasetBuilder;
import splab.data.Vocabulary;
import splab.model.ModelConfig;
import splab.model.ModelSettings;
import splab.train.TokenBatch;
import splab.bench.TrainBench;
import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.graph.SmallGraph;
import splab.navigate.BfsNavigator;
import splab.bench.NavigatorBench;
import splab.navigate.SpectralLineNavigator;

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
            int[] counts = threads != null ? threads : cores > 1 ? new int[] {1, cores} : new int[] {1};
            System.out.printf("bench data: %d cores, java %s%n", cores, System.getProperty("java.version"));
            double best = 0;
            for (int t : counts) {
                DataBench.Result r = DataBench.run(n, graphs, t, seed);
                System.out.println(r);
                best = Math.max(best, r.graphsPerSecond());
            }
            System.out.printf("12 million graphs (the paper's scale) at %,.0f graphs/s: %.1f minutes%n",
                    best, 12e6 / best / 60);
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
            ConnectedGraphSampler sampler = new ConnectedGraphSampler(n, n, 0.5, NodeCountMix.UNIFORM, seed);
            List<SmallGraph> list = new ArrayList<>(graphs);
            for (int i = 0; i < graphs; i++) {
                list.add(sampler.next());
            }
            System.out.printf("bench navigate: %,d graphs with n=%d, all ordered pairs, one thread%n", graphs, n);
            for (NavigatorBench.Figure f : NavigatorBench.run(
                    List.of(new SpectralLineNavigator(), new BfsNavigator()), list, 1, passes)) {
                System.out.println(f);
            }
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

        @Option(names = "--batches", split = ",", defaultValue = "stated,padded,lab",
                description = "Which batches to measure: stated, padded, lab (default ${DEFAULT-VALUE})")
        List<String> kinds;

        @Override
        public Integer call() {
            if (!List.of("stated", "padded", "lab").containsAll(kinds)) {
                throw new IllegalArgumentException("--batches takes stated, padded and lab, got " + kinds);
            }
            if (steps < 1 || batch < 1 || seq < 16) {
                throw new IllegalArgumentException("need --steps >= 1, --batch >= 1, --seq >= 16");
            }
            int cores = Runtime.getRuntime().availableProcessors();
            int[] counts = threads != null ? threads : cores > 1 ? new int[] {cores, 1} : new int[] {1};
            ModelConfig synthetic = new ModelSettings(dModel, heads, layers, 0, 0, "rope")
                    .toConfig(ModelConfig.vocabSizeFor(10), seq);
            ModelConfig lab = new ModelSettings(dModel, heads, layers, 0, 0, "rope")
                    .toConfig(ModelConfig.vocabSizeFor(10), 160);
            TokenBatch[] labBatches = kinds.contains("lab") ? labBatches(batch, steps + 5) : null;
            System.out.printf("bench train: OMP_WAIT_POLICY=%s, %d cores%n", System.getenv("OMP_WAIT_POLICY"), cores);
            for (int t : counts) {
                if (kinds.contains("stated")) {
                    System.out.println("-- the stated shape: batch " + batch + " x sequence " + seq + ", every row "
                            + (seq - 4) + "-" + seq + " real tokens (3-10 node graphs), " + t + " thread(s)");
                    System.out.println(TrainBench.run(synthetic, batch, seq, seq - 4, 5, steps, t).summary());
                }
                if (kinds.contains("padded")) {
                    System.out.println("-- synthetic batches padded to " + seq + ", " + t + " thread(s)");
                    System.out.println(TrainBench.run(synthetic, batch, seq, 5, steps, t).summary());
                }
                if (kinds.contains("lab")) {
                    System.out.println("-- the lab's batches (3-10 nodes, bucketed by n), " + t + " thread(s)");
                    System.out.println(TrainBench.run(lab, labBatches, 5, t).summary());
                }
            }
            return 0;
        }

        private static TokenBatch[] labBatches(int batch, int count) {
            LabConfig lab = ConfigLoader.load(null, List.of("data.graphs=2000"));
            DataConfig config = lab.data();
            Batcher batcher = new Batcher(new DatasetBuilder(config, 1).sample(x -> { }).train(),
                    new Vocabulary(config.maxNodes()), true, lab.train().distanceExponent(), lab.train().anyShortestTarget(),
                    lab.train().relabelNodes());
            Random rng = new Random(1);
            TokenBatch[] out = new TokenBatch[count];
            for (int i = 0; i < count; i++) {
                out[i] = TokenBatch.of(batcher.next(batch, rng));
            }
            return out;
        }
    }
}
