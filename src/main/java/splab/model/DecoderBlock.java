package splab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LayerNorm GPT block: {@code x = x + attn(ln1(x)); x = x + mlp(ln2(x))} with
 * {@code mlp(z) = W2 gelu(W1 z)}. LayerNorm normalises over the feature axis only (axis 2): DJL's
 * default would also normalise over time and leak future tokens into the past.
 */
public final class DecoderBlock extends AbstractBlock {

    private final ModelConfig config;
    private final int layer;
    private final LayerNorm norm1;
    private final CausalSelfAttention attention;
    private final LayerNorm norm2;
    private final Linear mlpIn;
    private final Linear mlpOut;

    public DecoderBlock(ModelConfig config, int layer) {
        this.config = config;
        this.layer = layer;
        norm1 = addChildBlock("ln1", LayerNorm.builder().axis(2).build());
        attention = addChildBlock("attn", new CausalSelfAttention(config));
        norm2 = addChildBlock("ln2", LayerNorm.builder().axis(2).build());
        mlpIn = addChildBlock("mlp_in", Linear.builder().setUnits(config.hiddenWidth()).build());
        mlpOut = addChildBlock("mlp_out", Linear.builder().setUnits(config.dModel()).build());
    }

    /** x [B, T, D] to [B, T, D]; records resid_mid, resid_post and the pattern when asked. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training, ActivationRecorder recorder) {
        return forward(ps, x, training, recorder, null, false);
    }

    /**
     * New positions x [B, Tnew, D] after those in {@code cache} (see {@link CausalSelfAttention}); inference.
     * With {@code lastOnly} the block returns the last position only, [B, 1, D] (every position's keys and
     * values are still cached): what the last block of a prefill needs when only the next token is wanted.
     */
    public NDArray forward(ParameterStore ps, NDArray x, KeyValueCache.Layer cache, boolean lastOnly) {
        return forward(ps, x, false, null, cache, lastOnly);
    }

    private NDArray forward(ParameterStore ps, NDArray x, boolean training, ActivationRecorder recorder,
                            KeyValueCache.Layer cache, boolean lastOnly) {
        NDArray a = norm1.forward(ps, new NDList(x), training).singletonOrThrow();
        if (lastOnly && x.getShape().get(1) > 1) {
            x = x.get(new NDIndex(":, -1:, :"));
        }
        x = x.add(cache == null ? attention.forward(ps, a, training, recorder, ActivationRecorder.pattern(layer))
                : attention.forward(ps, a, cache, lastOnly));
        if (recorder != null) {
            x = recorder.pass(ActivationRecorder.residMid(layer), x);
        }
        NDArray z = norm2.forward(ps, new NDList(x), training).singletonOrThrow();
        z = Activation.gelu(mlpIn.forward(ps, new NDList(z), training).singletonOrThrow());
        z = mlpOut.forward(ps, new NDList(z), training).singletonOrThrow();
        if (training && config.dropout() > 0f) {
            z = Dropout.dropout(z, config.dropout(), true).singletonOrThrow();
        }
        x = x.add(z);
        if (recorder != null) {
            x = recorder.pass(ActivationRecorder.residPost(layer), x);
        }
        return x;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training, null));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        norm1.initialize(manager, dataType, in);
        attention.initialize(manager, dataType, in);
        norm2.initialize(manager, dataType, in);
        mlpIn.initialize(manager, dataType, in);
        mlpOut.initialize(manager, dataType, new Shape(in.get(0), in.get(1), config.hiddenWidth()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
