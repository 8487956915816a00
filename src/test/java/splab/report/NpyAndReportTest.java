package splab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyAndReportTest {
    @TempDir
    Path dir;

    @Test
    void npyHeaderIsAlignedAndDataLittleEndian() throws Exception {
        Path f = dir.resolve("a.npy");
        NpyWriter.writeFloat(f, new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        byte[] b = Files.readAllBytes(f);
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        int headerLen = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertEquals(0, (10 + headerLen) % 64);
        String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (2, 3)") && header.endsWith("\n"), header);
        assertEquals(10 + headerLen + 24, b.length);
        assertEquals(6f, ByteBuffer.wrap(b, b.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
        assertTrue(new String(NpyWriter.header("<i4", 7), StandardCharsets.US_ASCII).contains("'shape': (7,)"));
    }

    @Test
    void reportRendersMarkdownAndSelfContainedHtml() throws Exception {
        Report r = new Report("t").heading(1, "A <b>").paragraph("uses `code` and **bold**")
                .table(List.of("x", "y"), List.of(List.of("1", "2")))
                .figure("fig", "figures/f.png", Charts.png(Charts.scatter("s", new double[] {0, 1}, new double[] {1, 0}, "x", "y")));
        r.write(dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| x | y |") && md.contains("![fig](figures/f.png)"), md);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("A &lt;b&gt;") && html.contains("<code>code</code>") && html.contains("<b>bold</b>"));
        assertTrue(html.contains("src=\"data:image/png;base64,iVBOR"), "PNG embedded");
    }

    @Test
    void recipeSentenceNamesTheObjectiveFromTheRunConfig() throws Exception {
        assertEquals(null, RunReport.recipe(null));
        String recipe = RunReport.recipe(splab.config.LabConfig.defaults());
        assertTrue(recipe.contains("dModel 128, 4 heads, 2 layers") && recipe.contains("any shortest path is right")
                && recipe.contains("distance exponent 0.5"), recipe);
        String label = RunReport.recipe(splab.config.ConfigLoader.load(null, List.of("train.target=label")));
        assertTrue(label.contains("cross-entropy on the label path"), label);
    }
}
