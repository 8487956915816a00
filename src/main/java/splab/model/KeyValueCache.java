package splab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of every attention layer for the positions decoded so far, so that each new token attends to
 * them without recomputing the prefix. Arrays [B, H, T, hs] per layer live on the cache's own manager; each
 * append replaces them by the longer array and frees the old one, so the temporaries of a decoding step can be
 * released with the step's manager. All rows of a batch sit at the same position (the decoder batches prompts
 * of equal length).
 */
public final class KeyValueCache implements AutoCloseable {

    /** One layer's keys and values. */
    public final class Layer {
        private NDArray keys;
        private NDArray values;

        /** The cached keys followed by {@code k} [B, H, Tnew, hs]; the result is kept as the new cache. */
        NDArray appendKeys(NDArray k) {
            keys = append(keys, k);
            return keys;
        }

        NDArray appendValues(NDArray v) {
            values = append(values, v);
            return values;
        }

        /** Positions held before the current forward pass. */
        int length() {
            return length;
        }
    }

    private final NDManager manager;
    private final Layer[] layers;
    private int length;

    /** An empty cache for a model with {@code layers} blocks, holding its arrays on a sub-manager of {@code parent}. */
    public KeyValueCache(int layers, NDManager parent) {
        manager = parent.newSubManager();
        this.layers = new Layer[layers];
        for (int l = 0; l < layers; l++) {
            this.layers[l] = new Layer();
        }
    }

    /** Positions already in the cache. */
    public int length() {
        return length;
    }

    Layer layer(int l) {
        return layers[l];
    }

    /** Counts {@code t} new positions once every layer has appended them. */
    void advance(int t) {
        length += t;
    }

    private NDArray append(NDArray old, NDArray added) {
        NDArray joined = old == null ? added : old.concat(added, 2);
        joined.attach(manager);
        if (old != null) {
            old.close();
        }
        return joined;
    }

    @Override
    public void close() {
        manager.close();
    }
}
