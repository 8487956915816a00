package splab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PathTokenizerTest {
    private final Vocabulary vocab = new Vocabulary(10);
    private final PathTokenizer tok = new PathTokenizer(vocab);
    private final PathExample example = new PathExample(4, new int[][] {{0, 1}, {1, 2}, {2, 3}}, 3, 0,
            new int[] {3, 2, 1, 0}, 3, 1, "train");

    @Test
    void writesThePapersFormat() {
        assertEquals("<bos> 0 1 <e> 1 2 <e> 2 3 <e> <q> 3 0 <p> 3 2 1 0 <eos>", vocab.render(tok.encode(example, null)));
        assertEquals(16, vocab.size());
        assertEquals(Vocabulary.sequenceLength(3, 3), tok.encode(example, null).length);
    }

    @Test
    void roundTripsWithShuffledEdges() {
        Random rng = new Random(1);
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int[] seq = tok.encode(example, rng);
            PathTokenizer.Decoded d = tok.decode(seq);
            assertEquals(3, d.source());
            assertEquals(0, d.target());
            assertArrayEquals(example.path(), d.path());
            assertTrue(d.terminated());
            Set<String> edges = new HashSet<>();
            for (int[] e : d.edges()) {
                edges.add(Math.min(e[0], e[1]) + "-" + Math.max(e[0], e[1]));
            }
            assertEquals(Set.of("0-1", "1-2", "2-3"), edges);
            orders.add(Arrays.deepToString(d.edges()));
        }
        assertTrue(orders.size() > 20, "edge order and endpoint order are shuffled: " + orders.size());
    }

    @Test
    void promptEndsAtPathStartAndIsSeeded() {
        int[] a = tok.encodePrompt(4, example.edges(), 3, 0, new Random(9));
        int[] b = tok.encodePrompt(4, example.edges(), 3, 0, new Random(9));
        assertArrayEquals(a, b);
        assertEquals(vocab.pathStart(), a[a.length - 1]);
        assertEquals(a.length - 1, tok.pathStartIndex(a));
        assertNotEquals(Arrays.toString(a), Arrays.toString(tok.encodePrompt(4, example.edges(), 3, 0, new Random(10))));
    }

    @Test
    void refusesNodesBeyondTheVocabulary() {
        PathExample big = new PathExample(12, new int[][] {{0, 11}}, 0, 11, new int[] {0, 11}, 1, 1, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tok.encode(big, null));
        assertTrue(e.getMessage().contains("vocabulary holds 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vocab.node(10));
    }

    @Test
    void decodeNamesWhereTheFormatBreaks() {
        int[] seq = tok.encode(example, null);
        seq[3] = vocab.query(); // where <e> belongs
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tok.decode(seq));
        assertTrue(e.getMessage().contains("position 3"), e.getMessage());
    }

    @Test
    void decodesUnterminatedAndPaddedPaths() {
        int[] seq = tok.encode(example, null);
        int[] cut = Arrays.copyOf(seq, seq.length - 1);
        assertEquals(false, tok.decode(cut).terminated());
        int[] padded = Arrays.copyOf(seq, seq.length + 5);
        Arrays.fill(padded, seq.length, padded.length, vocab.pad());
        assertArrayEquals(example.path(), tok.decode(padded).path());
    }
}
