package splab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention with explicit probabilities.
 *
 * <p>For x [B, T, D]: {@code q, k, v = split(x W_qkv + b)} reshaped to [B, H, T, hs];
 * optional RoPE on q and k; {@code A = softmax(q k^T / sqrt(hs) + M)} with M = -1e9 where key > query
 * (the mask comes from comparing two aranges, as DJL has no tril); {@code y = (A v) W_o + b}.
 * With right padding no padding mask is needed: a real token never sits after a pad, so no real
 * query attends to one.
 */
public final class CausalSelfAttention extends AbstractBlock {

    private static final float MASKED = -1e9f;

    private final ModelConfig config;
    private final Linear qkv;
    private final Linear output;
    private final RotaryEmbedding rotary;

    public CausalSelfAttention(ModelConfig config) {
        this.config = config;
        qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * config.dModel()).build());
        output = addChildBlock("out", Linear.builder().setUnits(config.dModel()).build());
        rotary = config.positions() == ModelConfig.Positions.ROPE
                ? addChildBlock("rope", new RotaryEmbedding(config.headSize()))
                : null;
    }

    /**
     * Attends over x [B, T, D] and returns [B, T, D]; stores the pattern [B, H, T, T] under
     * {@code patternName} when a recorder is given.
     */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training,
                           ActivationRecorder recorder, String patternName) {
        return attend(ps, x, training, null, false, recorder, patternName);
    }

    /**
     * Attends the new positions x [B, Tnew, D], which follow the {@code cache.length()} positions already in
     * {@code cache}, to those and to themselves; appends their keys and values to the cache. Inference only.
     * With {@code lastOnly} only the last new position is a query: the result is [B, 1, D], while the keys and
     * values of every new position still enter the cache.
     */
    public NDArray forward(ParameterStore ps, NDArray x, KeyValueCache.Layer cache, boolean lastOnly) {
        return attend(ps, x, false, cache, lastOnly, null, null);
    }

    private NDArray attend(ParameterStore ps, NDArray x, boolean training, KeyValueCache.Layer cache,
                           boolean lastOnly, ActivationRecorder recorder, String patternName) {
        NDManager m = x.getManager();
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int h = config.heads();
        int hs = config.headSize();
        int offset = cache == null ? 0 : cache.length();

        NDList qkvParts = qkv.forward(ps, new NDList(x), training).singletonOrThrow().split(3, 2);
        NDArray q = heads(qkvParts.get(0), b, t, h, hs);
        NDArray k = heads(qkvParts.get(1), b, t, h, hs);
        NDArray v = heads(qkvParts.get(2), b, t, h, hs);
        if (rotary != null) {
            q = rotary.apply(q, offset);
            k = rotary.apply(k, offset);
        }
        if (cache != null) {
            k = cache.appendKeys(k);
            v = cache.appendValues(v);
        }
        if (lastOnly && t > 1) { // the last position sees every key: no mask
            q = q.get(new NDIndex(":, :, -1:, :"));
            offset += (int) t - 1;
            t = 1;
        }

        NDArray scale = m.create((float) (1.0 / Math.sqrt(hs)));
        NDArray keysT = k.transpose(0, 1, 3, 2);
        keysT.attach(m); // with a cache, k lives on the cache's manager; the step's arrays must not
        NDArray scores = q.matMul(keysT).mul(scale);
        if (t > 1) { // a single new position may see every cached one: no mask needed
            scores = scores.add(causalMask(m, t, offset));
        }
        NDArray pattern = scores.softmax(-1);
        if (recorder != null) {
            recorder.record(patternName, pattern);
        }
        NDArray y = pattern.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, (long) h * hs);
        y = output.forward(ps, new NDList(y), training).singletonOrThrow();
        if (training && config.dropout() > 0f) {
            y = Dropout.dropout(y, config.dropout(), true).singletonOrThrow();
        }
        return y;
    }

    /** [B, T, H*hs] to [B, H, T, hs]. */
    private static NDArray heads(NDArray a, long b, long t, int h, int hs) {
        return a.reshape(b, t, h, hs).transpose(0, 2, 1, 3);
    }

    /** [T, T] additive mask: 0 where key <= query, -1e9 above the diagonal. */
    static NDArray causalMask(NDManager m, long t) {
        return causalMask(m, t, 0);
    }

    /** [T, offset + T] additive mask for T queries at positions offset.. over every key so far. */
    static NDArray causalMask(NDManager m, long t, int offset) {
        NDArray query = m.arange(offset, offset + (int) t, 1, DataType.INT32).reshape(t, 1);
        NDArray key = m.arange(0, offset + (int) t, 1, DataType.INT32).reshape(1, offset + t);
        return key.gt(query).toType(DataType.FLOAT32, false).mul(m.create(MASKED));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training, null, null));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        qkv.initialize(manager, dataType, in);
        output.initialize(manager, dataType, in);
        if (rotary != null) {
            rotary.initialize(manager, dataType,
                    new Shape(in.get(0), config.heads(), in.get(1), config.headSize()));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
