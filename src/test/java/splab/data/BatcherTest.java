package splab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BatcherTest {
    private final Vocabulary vocab = new Vocabulary(10);
    private final DatasetBuilder.Dataset ds =
            new DatasetBuilder(new DataConfig(200, 3, 10, 0.5, "uniform", 10, 3, "uniform", 0.2, 0), 1).sample(x -> { });

    @Test
    void rowsDecodeToPoolExamplesWithPathStartMarked() {
        Batcher b = new Batcher(ds.train(), vocab, false);
        PathTokenizer tok = new PathTokenizer(vocab);
        Batcher.Batch batch = b.next(32, new Random(1));
        for (int i = 0; i < 32; i++) {
            int[] row = batch.tokens()[i];
            assertEquals(vocab.pathStart(), row[batch.pathStart()[i]]);
            PathTokenizer.Decoded d = tok.decode(row);
            assertTrue(d.terminated());
            assertTrue(ds.train().stream().anyMatch(e -> e.source() == d.source() && e.target() == d.target()
                    && java.util.Arrays.equals(e.path(), d.path()) && e.edges().length == d.edges().length));
        }
    }

    @Test
    void bucketsHoldOneNodeCountAndCutPadding() {
        Batcher mixed = new Batcher(ds.train(), vocab, false), bucketed = new Batcher(ds.train(), vocab, true);
        Random r1 = new Random(2), r2 = new Random(2);
        long paddedMixed = 0, paddedBucketed = 0, realMixed = 0, realBucketed = 0;
        for (int k = 0; k < 50; k++) {
            Batcher.Batch a = mixed.next(16, r1), b = bucketed.next(16, r2);
            paddedMixed += (long) a.tokens().length * a.tokens()[0].length;
            realMixed += a.realTokens();
            paddedBucketed += (long) b.tokens().length * b.tokens()[0].length;
            realBucketed += b.realTokens();
        }
        double wasteMixed = 1 - (double) realMixed / paddedMixed, wasteBucketed = 1 - (double) realBucketed / paddedBucketed;
        assertTrue(wasteBucketed < wasteMixed / 2, "padding share " + wasteBucketed + " vs " + wasteMixed);
    }

    @Test
    void sameGeneratorSameBatch() {
        Batcher b = new Batcher(ds.train(), vocab, true);
        Batcher.Batch x = b.next(8, new Random(5)), y = b.next(8, new Random(5));
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(x.tokens()[i], y.tokens()[i]);
        }
    }
}
