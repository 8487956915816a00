package splab.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import splab.io.AtomicFiles;

/**
 * Writes {@code explorer.html}: the page template of this package with its style sheet, its scripts and the data
 * inlined, so the file opens anywhere with no network. The data sits in a {@code <script type="application/json">}
 * element; every {@code <} in it is written as {@code \u003c}, so no string in the data can close that element.
 */
public final class ExplorerPage {
    /** The file name inside a run folder. */
    public static final String FILE = "explorer.html";

    private static final String[] SCRIPTS = {"explorer-draw.js", "explorer.js"};

    private ExplorerPage() {
    }

    /** The complete page for {@code data}. */
    public static String render(ExplorerData data) {
        StringBuilder scripts = new StringBuilder();
        for (String s : SCRIPTS) {
            scripts.append(resource(s)).append('\n');
        }
        return resource("explorer.html")
                .replace("{{TITLE}}", escapeHtml(data.run()))
                .replace("{{STYLE}}", resource("explorer.css"))
                .replace("{{SCRIPT}}", scripts.toString())
                .replace("{{DATA}}", data.toJson().replace("<", "\\u003c"));
    }

    /** Writes the page atomically (temporary file, then rename) and returns its size in bytes. */
    public static long write(Path file, ExplorerData data) {
        byte[] bytes = render(data).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeBytes(file, bytes);
        return bytes.length;
    }

    private static String resource(String name) {
        try (InputStream in = ExplorerPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("explorer resource " + name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read explorer resource " + name, e);
        }
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
