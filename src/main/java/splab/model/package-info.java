/**
 * The decoder-only path transformer, written block by block on DJL's {@code AbstractBlock}.
 *
 * <p>Read top to bottom: {@link splab.model.ModelConfig}, {@link splab.model.RotaryEmbedding},
 * {@link splab.model.CausalSelfAttention}, {@link splab.model.DecoderBlock},
 * {@link splab.model.PathTransformer}; then {@link splab.model.ActivationRecorder} (activations by stable
 * name), {@link splab.model.GreedyDecoder} and {@link splab.model.CachedGreedyDecoder} (key/value cache).
 *
 * <p>Token layout for maxNodes N: node v is id v; PAD = N, BOS = N+1, {@code <e>} = N+2,
 * {@code <q>} = N+3, {@code <p>} = N+4, EOS = N+5; vocabulary N+6.
 *
 * <pre>{@code
 * ModelConfig cfg = ModelConfig.of(ModelConfig.vocabSizeFor(10), 64, 128, 4);
 * try (NDManager m = NDManager.newBaseManager()) {
 *     PathTransformer model = PathTransformer.create(cfg, m);
 *     ActivationRecorder rec = new ActivationRecorder();
 *     NDArray logits = model.forward(m.create(tokens), false, rec); // [B, T, vocab]
 *     float[] pattern = rec.get("blocks.0.attn.pattern").data();     // [B, H, T, T]
 * }
 * }</pre>
 */
package splab.model;
