package splab.train;

import splab.io.AtomicFiles;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import splab.io.LegacyKeys;
import splab.model.ModelConfig;
import splab.model.PathTransformer;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Complete training checkpoints: model parameters, AdamW moments and step, examples seen, the batch
 * generator's state and both configs, so {@link #resume} continues exactly where the run stopped.
 *
 * <p>Layout of a checkpoint folder: {@code checkpoints/step-00001234/} with {@code parameters.ndlist},
 * {@code optimizer.bin}, {@code rng.bin} (a serialised {@link Random}) and {@code state.json}. A folder
 * is written under a temporary name and renamed when complete; then the one-line file {@code LATEST} is
 * replaced atomically to point at it, and older step folders are removed. A crash at any moment leaves
 * {@code LATEST} naming a complete checkpoint.
 */
public final class Checkpoints {

    /**
     * Contents of state.json; {@code seed} is the run's seed the training started from; {@code blas} names the
     * library that served the products ({@link NativeBlas#describe}; null in older checkpoints).
     */
    public record State(long step, long examplesSeen, long seed, ModelConfig model, TrainConfig train, String blas) {

        /** A warning when this process's BLAS is not the checkpoint's: the products then round differently. */
        public java.util.Optional<String> blasChange(String current) {
            return blas == null || blas.equals(current) ? java.util.Optional.empty()
                    : java.util.Optional.of("the checkpoint was trained with " + blas + ", this process uses " + current
                    + ": the continuation will not be bit-identical to an uninterrupted run (SPLAB_BLAS and "
                    + "OPENBLAS_CORETYPE choose the library)");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String LATEST = "LATEST";

    /** Runs on a complete temporary checkpoint folder just before it is renamed; tests inject a failure here. */
    static java.util.function.Consumer<Path> beforeRename = tmp -> { };

    private Checkpoints() {
    }

    /** Saves a checkpoint of {@code training} under {@code root}; returns the new step folder. */
    public static Path save(Training training, Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root + ": " + AtomicFiles.describe(e), e);
        }
        String name = String.format("step-%08d", training.step());
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(root, ".tmp-" + name + "-");
            try (OutputStream out = Files.newOutputStream(tmp.resolve("parameters.ndlist"))) {
                parameterList(training.model()).encode(out);
            }
            try (OutputStream out = Files.newOutputStream(tmp.resolve("optimizer.bin"))) {
                training.optimizer().save(out);
            }
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(tmp.resolve("rng.bin")))) {
                out.writeObject(training.rng);
            }
            JSON.writeValue(tmp.resolve("state.json").toFile(), new State(training.step(), training.examplesSeen,
                    training.seed(), training.modelConfig(), training.config(), NativeBlas.describe()));

            beforeRename.accept(tmp);
            Path folder = root.resolve(name);
            if (Files.exists(folder)) {
                deleteTree(folder);
            }
            Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
            Path pointer = root.resolve(LATEST + ".tmp");
            Files.writeString(pointer, name + "\n", StandardCharsets.UTF_8);
            Files.move(pointer, root.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> old = Files.list(root)) { // older steps and temp folders of crashed saves
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith("step-")
                                || p.getFileName().toString().startsWith(".tmp-"))
                        .filter(p -> !p.equals(folder) && Files.isDirectory(p)).toList()) {
                    deleteTree(p);
                }
            }
            return folder;
        } catch (IOException | RuntimeException e) {
            if (tmp != null && Files.exists(tmp)) { // a failed save (a full disk, say) leaves no half-written folder
                try {
                    deleteTree(tmp);
                } catch (IOException ignored) {
                    // the next successful save removes leftover temporary folders too
                }
            }
            throw new UncheckedIOException("cannot save checkpoint under " + root + ": "
                    + (e instanceof IOException io ? AtomicFiles.describe(io) : e.getMessage()),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * The step folder LATEST points to, or null when there is no checkpoint under {@code root}. LATEST must name a
     * step folder inside {@code root}; when LATEST is missing but complete step folders exist (a folder is complete
     * once renamed from its temporary name), the newest of them is the latest.
     */
    public static Path latest(Path root) {
        Path pointer = root.resolve(LATEST);
        if (!Files.exists(pointer)) {
            try (Stream<Path> steps = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
                return steps.filter(p -> p.getFileName().toString().matches("step-\\d{8}"))
                        .filter(p -> Files.isRegularFile(p.resolve("state.json")))
                        .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root + ": " + AtomicFiles.describe(e), e);
            }
        }
        String name;
        try {
            name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer + ": " + AtomicFiles.describe(e), e);
        }
        if (!name.matches("step-\\d{8}")) {
            throw new IllegalArgumentException(pointer + " names '" + printable(name) + "', not a step folder of "
                    + root + " (expected step-NNNNNNNN)");
        }
        Path folder = root.resolve(name);
        if (!Files.isRegularFile(folder.resolve("state.json"))) {
            throw new IllegalArgumentException(pointer + " names " + name + ", which is missing or incomplete");
        }
        return folder;
    }

    private static String printable(String s) {
        String t = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    /** Reads state.json; one written before the top-level seed existed kept it as {@code train.seed}. */
    public static State readState(Path folder) {
        Path file = folder.resolve("state.json");
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw stateDamaged(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        if (tree instanceof ObjectNode o) {
            LegacyKeys.foldSeedCopies(o, null, file.toString());
        }
        try {
            return JSON.treeToValue(tree, State.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw stateDamaged(file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException stateDamaged(Path file, com.fasterxml.jackson.core.JacksonException e) {
        return new IllegalArgumentException(file + " is damaged: " + printable(e.getOriginalMessage()), e);
    }

    /** Resumes the latest checkpoint under {@code root} with its saved training config and seed. */
    public static Training resume(Path root, BatchSource source) {
        return resume(root, source, null, null);
    }

    /**
     * Resumes the latest checkpoint under {@code root}: the model is rebuilt from the saved config and
     * its parameters, optimizer state, generator state and counters are restored. A non-null
     * {@code override} replaces the saved training config (e.g. more steps); a non-null {@code seed} must be the
     * seed the checkpoint was trained with.
     */
    public static Training resume(Path root, BatchSource source, TrainConfig override, Long seed) {
        Path folder = latest(root);
        if (folder == null) {
            throw new IllegalArgumentException("no checkpoint under " + root + " (no LATEST file)");
        }
        State state = readState(folder);
        if (seed != null && seed != state.seed()) {
            throw new IllegalArgumentException("checkpoint " + folder + " was trained with seed " + state.seed()
                    + ", the run's config says seed " + seed + "; resume with the same seed");
        }
        Training training = Training.start(state.model(), override == null ? state.train() : override, state.seed(), source);
        Path reading = folder.resolve("parameters.ndlist");
        try {
            try (InputStream in = Files.newInputStream(reading)) {
                loadParameters(training.model(), training.manager(), in);
            }
            reading = folder.resolve("optimizer.bin");
            try (InputStream in = Files.newInputStream(reading)) {
                training.optimizer().load(in, training.manager());
            }
            reading = folder.resolve("rng.bin");
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(reading))) {
                training.rng = (Random) in.readObject();
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            training.close();
            throw damaged(reading, e);
        }
        training.examplesSeen = state.examplesSeen();
        if (training.step() != state.step()) {
            training.close();
            throw new IllegalStateException("checkpoint " + folder + " says step " + state.step()
                    + " but its optimizer state is at step " + training.step());
        }
        return training;
    }

    /** Loads only the model of the latest checkpoint under {@code root}, for evaluation or analysis. */
    public static PathTransformer loadModel(Path root, NDManager manager) {
        Path folder = latest(root);
        if (folder == null) {
            throw new IllegalArgumentException("no checkpoint under " + root + " (no LATEST file)");
        }
        PathTransformer model = PathTransformer.create(readState(folder).model(), manager);
        try (InputStream in = Files.newInputStream(folder.resolve("parameters.ndlist"))) {
            loadParameters(model, manager, in);
        } catch (IOException | RuntimeException e) {
            throw damaged(folder.resolve("parameters.ndlist"), e);
        }
        return model;
    }

    /** A checkpoint file that cannot be read back: bad input naming the file, whatever the reader threw. */
    private static IllegalArgumentException damaged(Path file, Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return new IllegalArgumentException(file + " is missing: the checkpoint is incomplete", e);
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new IllegalArgumentException(file + " is damaged and cannot be read (" + printable(why) + ")", e);
    }

    private static NDList parameterList(PathTransformer model) {
        NDList list = new NDList();
        for (Pair<String, Parameter> p : model.getParameters()) {
            NDArray a = p.getValue().getArray();
            list.add(a);
        }
        return list;
    }

    /** Copies saved values into the existing parameter arrays, keeping their identity and gradients. */
    private static void loadParameters(PathTransformer model, NDManager manager, InputStream in) throws IOException {
        List<Pair<String, Parameter>> params = model.getParameters().stream().toList();
        try (NDManager scratch = manager.newSubManager()) {
            NDList saved = NDList.decode(scratch, in);
            if (saved.size() != params.size()) {
                throw new IOException("checkpoint holds " + saved.size() + " parameters, model has " + params.size());
            }
            for (int i = 0; i < saved.size(); i++) {
                NDArray target = params.get(i).getValue().getArray();
                if (!saved.get(i).getShape().equals(target.getShape())) {
                    throw new IOException("shape mismatch for " + params.get(i).getKey() + ": saved "
                            + saved.get(i).getShape() + ", model " + target.getShape());
                }
                target.set(saved.get(i).toByteBuffer());
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
