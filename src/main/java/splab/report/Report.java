package splab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import splab.io.AtomicFiles;
import splab.analysis.SpectralResults;

/**
 * A run's report as a list of blocks (headings, paragraphs, tables, figures), rendered twice: {@code report.md}
 * (figures linked by relative path) and a self-contained {@code report.html} (figures embedded as base64 PNG data
 * URIs). Sections are appended in order, so a caller can put training curves or navigator tables before or after
 * the spectral part: build with {@link #Report(String)}, append, then {@link #write(Path)}.
 */
public final class Report {
    private sealed interface Block permits Heading, Paragraph, Table, Figure {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    private record Figure(String caption, String relativePath, byte[] png) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public Report(String title) {
        this.title = title;
    }

    /** Writes the spectral report of a run: CSVs, arrays, figures, then {@code report.md} and {@code report.html}. */
    public static Report write(Path runDir, SpectralResults results) {
        Report r = new Report("shortest-path-lab report: " + runDir.toAbsolutePath().normalize().getFileName());
        SpectralSections.append(r, runDir, results);
        r.write(runDir);
        return r;
    }

    public Report heading(int level, String text) {
        blocks.add(new Heading(Math.max(1, Math.min(4, level)), text));
        return this;
    }

    /** A paragraph of plain text; {@code `code`} spans and {@code **bold**} are kept in both renderings. */
    public Report paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public Report table(List<String> header, List<List<String>> rows) {
        blocks.add(new Table(List.copyOf(header), rows.stream().map(List::copyOf).toList()));
        return this;
    }

    /** A PNG figure; {@code relativePath} is where it lies relative to the run folder (for the Markdown link). */
    public Report figure(String caption, String relativePath, byte[] png) {
        blocks.add(new Figure(caption, relativePath, png.clone()));
        return this;
    }

    public String markdown() {
        StringBuilder s = new StringBuilder("# ").append(title).append("\n\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                s.append("#".repeat(h.level() + 1)).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Paragraph p) {
                s.append(p.text()).append("\n\n");
            } else if (b instanceof Table t) {
                s.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
                s.append("---|".repeat(t.header().size())).append('\n');
                for (List<String> row : t.rows()) {
                    s.append("| ").append(String.join(" | ", row)).append(" |\n");
                }
                s.append('\n');
            } else if (b instanceof Figure f) {
                s.append("![").append(f.caption()).append("](").append(f.relativePath()).append(")\n\n*")
                        .append(f.caption()).append("*\n\n");
            }
        }
        return s.toString();
    }

    public String html() {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;"
                        + "line-height:1.45}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
                        + "padding:3px 8px;text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
                        + "figure{margin:1.5em 0}img{max-width:100%}figcaption{color:#444;font-size:90%}"
                        + "code{background:#f4f4f4;padding:0 3px}</style></head><body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                s.append("<h").append(h.level() + 1).append('>').append(inline(h.text())).append("</h").append(h.level() + 1).append(">\n");
            } else if (b instanceof Paragraph p) {
                s.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (b instanceof Table t) {
                s.append("<table><tr>");
                for (String c : t.header()) {
                    s.append("<th>").append(inline(c)).append("</th>");
                }
                s.append("</tr>\n");
                for (List<String> row : t.rows()) {
                    s.append("<tr>");
                    for (String c : row) {
                        s.append("<td>").append(inline(c)).append("</td>");
                    }
                    s.append("</tr>\n");
                }
                s.append("</table>\n");
            } else if (b instanceof Figure f) {
                s.append("<figure><img alt=\"").append(escape(f.caption())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(f.png())).append("\"><figcaption>")
                        .append(inline(f.caption())).append("</figcaption></figure>\n");
            }
        }
        return s.append("</body></html>\n").toString();
    }

    /** Writes {@code report.md} and {@code report.html} into {@code runDir}. */
    public void write(Path runDir) {
        write(runDir, "report");
    }

    /** Writes {@code NAME.md} and {@code NAME.html} into {@code dir}. */
    public void write(Path dir, String name) {
        AtomicFiles.writeString(dir.resolve(name + ".md"), markdown());
        AtomicFiles.writeString(dir.resolve(name + ".html"), html());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Escapes, then renders `code` and **bold** spans. */
    private static String inline(String s) {
        String e = escape(s);
        e = e.replaceAll("`([^`]+)`", "<code>$1</code>");
        return e.replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>");
    }
}
