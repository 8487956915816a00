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
 */
public final class ActivationRecorder {

    /** One recorded activation: row-major float32 values and their shape. */
    public record Activation(float[] data, long[] shape) {
        public NDArray toNDArray(NDManager manager) {
            return manager.create(data, new Shape(shape));
        }
    }

    private final Map<String, Activation> recorded = new LinkedHashMap<>();

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
