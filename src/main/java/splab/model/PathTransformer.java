package splab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The decoder-only language model: token embedding (+ learned positions when configured), a stack of
 * {@link DecoderBlock}s, a final LayerNorm and a linear head giving logits [B, T, vocab].
 *
 * <p>Embedding lookups are written as one-hot x table products on the batch's manager. Slicing a
 * parameter instead would put the result in the model's manager and leak one array per step.
 */
public final class PathTransformer extends AbstractBlock {

    private final ModelConfig config;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<DecoderBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear head;
    private ParameterStore store;

    public PathTransformer(ModelConfig config) {
        config.requireTokens();
        this.config = config;
        tokenEmbedding = addParameter(Parameter.builder().setName("token_embedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocabSize(), config.dModel())).build());
        positionEmbedding = config.positions() == ModelConfig.Positions.LEARNED
                ? addParameter(Parameter.builder().setName("position_embedding")
                        .setType(Parameter.Type.WEIGHT)
                        .optShape(new Shape(config.maxSeqLen(), config.dModel())).build())
                : null;
        for (int l = 0; l < config.layers(); l++) {
            blocks.add(addChildBlock("block" + l, new DecoderBlock(config, l)));
        }
        finalNorm = addChildBlock("ln_f", LayerNorm.builder().axis(2).build());
        head = addChildBlock("head", Linear.builder().setUnits(config.vocabSize()).build());
    }

    /**
     * Builds a model with parameters on {@code manager}: weights drawn from N(0, 0.02) by the engine's
     * random generator (seed it first for a reproducible model), biases zero, norms identity.
     */
    public static PathTransformer create(ModelConfig config, NDManager manager) {
        PathTransformer model = new PathTransformer(config);
        model.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        model.initialize(manager, DataType.FLOAT32, new Shape(1, config.maxSeqLen()));
        model.store = new ParameterStore(manager, false);
        return model;
    }

    public ModelConfig config() {
        return config;
    }

    /** The device the parameters live on; inputs must be created there. */
    public ai.djl.Device device() {
        return tokenEmbedding.getArray().getDevice();
    }

    /** Logits [B, T, vocab] for int tokens [B, T]; the result lives on the tokens' manager. */
    public NDArray forward(NDArray tokens, boolean training) {
        return forward(tokens, training, null);
    }

    /** As {@link #forward(NDArray, boolean)}, recording activations into {@code recorder} if non-null. */
    public NDArray forward(NDArray tokens, boolean training, ActivationRecorder recorder) {
        if (store == null) {
            throw new IllegalStateException("model not initialised: build it with PathTransformer.create");
        }
        return forward(store, tokens, training, recorder);
    }

    private NDArray forward(ParameterStore ps, NDArray tokens, boolean training, ActivationRecorder recorder) {
        long t = tokens.getShape().get(1);
        if (t > config.maxSeqLen()) {
            throw new IllegalArgumentException("sequence length " + t + " exceeds maxSeqLen " + config.maxSeqLen());
        }
        NDArray x = embed(ps, tokens, 0, training);
        if (recorder != null) {
            x = recorder.pass(ActivationRecorder.embed(), x);
        }
        for (DecoderBlock block : blocks) {
            x = block.forward(ps, x, training, recorder);
        }
        x = finalNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        return head.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /**
     * Logits [B, Tnew, vocab] for the new tokens [B, Tnew] at positions {@code cache.length()}.., attending to
     * the positions already in {@code cache} and adding the new ones to it. With an empty cache and the whole
     * prompt this is the prefill; then one token per call. Inference only. With {@code lastOnly} only the last
     * position's logits are computed, and the last block runs its attention output, MLP and the head for that
     * position alone (it still caches every position's keys and values): in a prefill of T tokens that skips
     * three quarters of the last block's products for T - 1 of them.
     */
    public NDArray forward(NDArray tokens, KeyValueCache cache, boolean lastOnly) {
        long t = tokens.getShape().get(1);
        if (cache.length() + t > config.maxSeqLen()) {
            throw new IllegalArgumentException("sequence length " + (cache.length() + t) + " exceeds maxSeqLen "
                    + config.maxSeqLen());
        }
        NDArray x = embed(store, tokens, cache.length(), false);
        for (int l = 0; l < blocks.size(); l++) {
            x = blocks.get(l).forward(store, x, cache.layer(l), lastOnly && l == blocks.size() - 1);
        }
        cache.advance((int) t);
        x = finalNorm.forward(store, new NDList(x), false).singletonOrThrow();
        return head.forward(store, new NDList(x), false).singletonOrThrow();
    }

    /** Token embedding (plus learned positions {@code offset..}) of int tokens [B, T], on the tokens' manager. */
    private NDArray embed(ParameterStore ps, NDArray tokens, int offset, boolean training) {
        NDManager m = tokens.getManager();
        long t = tokens.getShape().get(1);
        NDArray weight = ps.getValue(tokenEmbedding, m.getDevice(), training);
        NDArray x = tokens.toType(DataType.INT32, false).oneHot(config.vocabSize()).matMul(weight);
        if (positionEmbedding != null) {
            NDArray positions = m.arange(offset, offset + (int) t, 1, DataType.INT32).oneHot(config.maxSeqLen());
            x = x.add(positions.matMul(ps.getValue(positionEmbedding, m.getDevice(), training)));
        }
        return x;
    }

    /** Number of scalar parameters. */
    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : getParameters()) {
            n += p.getValue().getShape().size();
        }
        return n;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training, null));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.dModel());
        for (DecoderBlock block : blocks) {
            block.initialize(manager, dataType, hidden);
        }
        finalNorm.initialize(manager, dataType, hidden);
        head.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), config.vocabSize())};
    }
}
