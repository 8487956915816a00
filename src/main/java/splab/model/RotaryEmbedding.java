package splab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Rotary position embedding (RoPE, Su et al. 2021) for queries and keys of shape [B, H, T, hs].
 *
 * <p>The head vector is split into halves (x1, x2); pair i of the two halves is rotated by the angle
 * {@code pos * base^(-2i/hs)}: {@code out = x * cos + (-x2, x1) * sin}. Relative offsets then appear in
 * the dot product q.k only through {@code pos_q - pos_k}. No parameters; the cos and sin tables are
 * built on the input's manager each call, since they are tiny and this keeps nothing alive between passes.
 */
public final class RotaryEmbedding extends AbstractBlock {

    private final int headSize;
    private final float[] inverseFrequency;

    public RotaryEmbedding(int headSize) {
        this(headSize, 10000f);
    }

    public RotaryEmbedding(int headSize, float base) {
        if (headSize % 2 != 0) {
            throw new IllegalArgumentException("RoPE needs an even head size, got " + headSize);
        }
        this.headSize = headSize;
        int half = headSize / 2;
        inverseFrequency = new float[half];
        for (int i = 0; i < half; i++) {
            inverseFrequency[i] = (float) Math.pow(base, -2.0 * i / headSize);
        }
    }

    /** Rotates {@code x} [B, H, T, hs] by position; result on x's manager. */
    public NDArray apply(NDArray x) {
        return apply(x, 0);
    }

    /** Rotates {@code x} [B, H, T, hs] holding positions {@code offset .. offset + T - 1}. */
    public NDArray apply(NDArray x, int offset) {
        NDManager m = x.getManager();
        long t = x.getShape().get(2);
        int half = headSize / 2;
        NDArray pos = m.arange((float) offset, (float) (offset + t), 1f, DataType.FLOAT32).reshape(t, 1);
        NDArray angle = pos.matMul(m.create(inverseFrequency).reshape(1, half)); // [T, half]
        NDArray angleFull = angle.concat(angle, 1);                           // [T, hs]
        NDArray cos = angleFull.cos();
        NDArray sin = angleFull.sin();
        NDArray x1 = x.get(new NDIndex("..., :{}", half));
        NDArray x2 = x.get(new NDIndex("..., {}:", half));
        NDArray rotated = x2.neg().concat(x1, -1);
        return x.mul(cos).add(rotated.mul(sin));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(apply(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
