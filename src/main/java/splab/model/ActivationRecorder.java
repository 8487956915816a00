package splab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Copies activations out of a forward pass by stable, TransformerLens-style names. The copies are
 * plain Java arrays, detached from autograd and from every NDManager, so they outlive the pass.
 *
 * <p>Names and shapes (B = batch, T = positions, D = dModel, H = heads):
 * <ul>
 *   <li>{@code embed} [B, T, D]: token embedding (plus learned positions when used)</li>
 *   <li>{@code blocks.{l}.attn.pattern} [B, H, T(query), T(key)]: softmax attention probabilities;
 *       each row sums to 1 and is zero above the diagonal</li>
 *   <li>{@code blocks.{l}.resid_mid} [B, T, D]: residual stream after the attention sub-layer</li>
 *   <li>{@code blocks.{l}.resid_post} [B, T, D]: residual stream after the MLP sub-layer</li>
 * </ul>
 *
 * <p>Recording only happens when a recorder is passed to
 * {@link PathTransformer#forward(NDArray, boolean, ActivationRecorder)}; training passes none and
 * pays nothing.
 *
 * <p>A recorder can also <em>edit</em>: {@link #editing} registers a function applied to the activation at one
 * name during the forward pass (the pass continues with the edited array, as a TransformerLens hook does). An
 * editing-only recorder ({@link #editor()}) copies nothing out, so interventions during decoding stay cheap.
 * Only the residual-stream names ({@code embed}, {@code resid_mid}, {@code resid_post}) can be edited.
 */
public final class ActivationRecorder {

    /** One recorded activation: row-major float32 values and their shape. */
    public record Activation(float[] data, long[] shape) {
        public NDArray toNDArray(NDManager manager) {
            return manager.create(data, new Shape(shape));
        }
    }

    private final Map<String, Activation> recorded = new LinkedHashMap<>();
    private final Map<String, java.util.function.UnaryOperator<NDArray>> edits = new LinkedHashMap<>();
    private final boolean copies;

    /** A recorder that copies every activation out. */
    public ActivationRecorder() {
        this(true);
    }

    private ActivationRecorder(boolean copies) {
        this.copies = copies;
    }

    /** A recorder that only applies edits and copies nothing. */
    public static ActivationRecorder editor() {
        return new ActivationRecorder(false);
    }

    /**
     * Applies {@code edit} to the activation named {@code name} in every forward pass this recorder is given; the
     * edit returns an array of the same shape, on the input's manager.
     */
    public ActivationRecorder editing(String name, java.util.function.UnaryOperator<NDArray> edit) {
        if (!name.equals(embed()) && !name.endsWith(".resid_mid") && !name.endsWith(".resid_post")) {
            throw new IllegalArgumentException("only residual-stream activations can be edited, not '" + name + "'");
        }
        edits.put(name, java.util.Objects.requireNonNull(edit));
        return this;
    }

    /** The forward pass hands each named activation through here: edited if asked, then copied if recording. */
    NDArray pass(String name, NDArray array) {
        java.util.function.UnaryOperator<NDArray> edit = edits.get(name);
        NDArray out = edit == null ? array : edit.apply(array);
        if (edit != null && !out.getShape().equals(array.getShape())) {
            throw new IllegalStateException("an edit of " + name + " changed its shape from " + array.getShape()
                    + " to " + out.getShape());
        }
        if (copies) {
            record(name, out);
        }
        return out;
    }

    public static String embed() {
        return "embed";
    }

    public static String pattern(int layer) {
        return "blocks." + layer + ".attn.pattern";
    }

    public static String residMid(int layer) {
        return "blocks." + layer + ".resid_mid";
    }

    public static String residPost(int layer) {
        return "blocks." + layer + ".resid_post";
    }

    /** Copies {@code array} under {@code name}, replacing an earlier recording of that name. */
    void record(String name, NDArray array) {
        if (!copies) {
            return;
        }
        recorded.put(name, new Activation(array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .toFloatArray(), array.getShape().getShape()));
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(recorded.keySet());
    }

    /** The activation recorded under {@code name}; fails loudly on an unknown name. */
    public Activation get(String name) {
        Activation a = recorded.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no activation named '" + name + "'; recorded: " + names());
        }
        return a;
    }

    /** The activation as an NDArray owned by the caller's manager. */
    public NDArray get(String name, NDManager manager) {
        return get(name).toNDArray(manager);
    }

    public void clear() {
        recorded.clear();
    }
}
