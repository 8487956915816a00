package splab.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.Pseudograph;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.nio.ExportException;
import org.jgrapht.nio.ImportException;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.graph6.Graph6Sparse6Exporter;
import org.jgrapht.nio.graph6.Graph6Sparse6Importer;
import org.jgrapht.util.SupplierUtil;

import splab.io.AtomicFiles;

/**
 * Graph files in and out. The format follows the file name:
 * <ul>
 *   <li>{@code .g6}, {@code .graph6}: nauty's graph6, one graph a line (what {@code geng -c} writes); an
 *       optional {@code >>graph6<<} header is skipped;</li>
 *   <li>{@code .dot}, {@code .gv}: one undirected graph in Graphviz DOT; vertices numbered by their ids in
 *       numeric (else lexicographic) order;</li>
 *   <li>{@code .jsonl}: the dataset format; each distinct graph once, in order of first appearance.</li>
 * </ul>
 * Every graph read must be simple and connected. A bad line is reported as {@code file:line: problem}.
 */
public final class GraphFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphFiles() {}

    /** Reads every graph of a file, in file order. */
    public static List<SmallGraph> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".g6") || name.endsWith(".graph6")) {
            return readLines(file, GraphFiles::parseGraph6, false);
        }
        if (name.endsWith(".jsonl")) {
            return readLines(file, GraphFiles::parseJsonGraph, true);
        }
        if (name.endsWith(".dot") || name.endsWith(".gv")) {
            try {
                return List.of(checked(parseDot(Files.readString(file, StandardCharsets.UTF_8))));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no such file: " + file, e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("unknown graph file type: " + file
                + " (expected .g6, .graph6, .dot, .gv or .jsonl)");
    }

    private interface LineParser {
        SmallGraph parse(String line) throws IOException;
    }

    private static List<SmallGraph> readLines(Path file, LineParser parser, boolean distinct) {
        List<SmallGraph> out = new ArrayList<>();
        Set<SmallGraph> seen = distinct ? new HashSet<>() : null;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith(">>graph6<<")) {
                    line = line.substring(">>graph6<<".length());
                }
                if (line.isBlank()) {
                    continue;
                }
                SmallGraph g;
                try {
                    g = checked(parser.parse(line.strip()));
                } catch (com.fasterxml.jackson.core.JacksonException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": malformed JSON: " + e.getOriginalMessage(), e);
                } catch (IllegalArgumentException | IOException | ImportException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
                }
                if (seen == null || seen.add(g)) {
                    out.add(g);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not a text file of the expected format", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no graph in the file (empty, blank lines or a header only)");
        }
        return out;
    }

    private static SmallGraph checked(SmallGraph g) {
        if (g.nodeCount() < 2) {
            throw new IllegalArgumentException("graph has " + g.nodeCount() + " node(s): a shortest-path query needs at least 2");
        }
        if (!g.isConnected()) {
            throw new IllegalArgumentException("graph is not connected: " + g);
        }
        return g;
    }

    /** Parses one graph6 string (no connectivity check). */
    public static SmallGraph parseGraph6(String g6) {
        if (g6.startsWith(":") || g6.startsWith(";")) {
            throw new IllegalArgumentException("sparse6/digraph6 line '" + abbreviate(g6) + "': only graph6 is read");
        }
        for (int i = 0; i < g6.length(); i++) {
            char c = g6.charAt(i);
            if (c < 63 || c > 126) {
                throw new IllegalArgumentException("character '" + c + "' at column " + (i + 1)
                        + " is not graph6 ('" + abbreviate(g6) + "')");
            }
        }
        if (!g6.isEmpty() && g6.charAt(0) != '~') { // n <= 62 is one character; then 6 adjacency bits a character
            int n = g6.charAt(0) - 63;
            int expected = 1 + (n * (n - 1) / 2 + 5) / 6;
            if (g6.length() != expected) {
                throw new IllegalArgumentException("graph6 for " + n + " nodes has " + expected + " characters, the line has "
                        + g6.length() + " ('" + abbreviate(g6) + "')");
            }
        }
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(
                SupplierUtil.createIntegerSupplier(), SupplierUtil.createDefaultEdgeSupplier(), false);
        Graph6Sparse6Importer<Integer, DefaultEdge> importer = new Graph6Sparse6Importer<>();
        importer.setVertexFactory(i -> i);
        try {
            importer.importGraph(g, new StringReader(g6));
        } catch (ImportException | IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed graph6 '" + abbreviate(g6) + "': " + e.getMessage(), e);
        }
        return SmallGraph.fromJGraphT(g);
    }

    /** The graph6 string of a graph. */
    public static String toGraph6(SmallGraph graph) {
        StringWriter w = new StringWriter();
        try {
            new Graph6Sparse6Exporter<Integer, DefaultEdge>(Graph6Sparse6Exporter.Format.GRAPH6)
                    .exportGraph(graph.toJGraphT(), w);
        } catch (ExportException e) {
            throw new IllegalStateException("graph6 export failed for " + graph, e);
        }
        return w.toString().strip();
    }

    /** Parses one undirected DOT graph; loops, multiple edges and directed graphs are refused. */
    public static SmallGraph parseDot(String dot) {
        if (dot.strip().toLowerCase(Locale.ROOT).matches("(?s)(strict\\s+)?digraph\\b.*")) {
            throw new IllegalArgumentException("a directed DOT graph (digraph): only undirected graphs are read");
        }
        Graph<String, DefaultEdge> g = new Pseudograph<>(null, SupplierUtil.createDefaultEdgeSupplier(), false);
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        try {
            importer.importGraph(g, new StringReader(dot));
        } catch (ImportException e) {
            throw new IllegalArgumentException("malformed DOT: " + e.getMessage(), e);
        }
        Set<String> pairs = new HashSet<>();
        for (DefaultEdge e : g.edgeSet()) {
            String u = g.getEdgeSource(e), v = g.getEdgeTarget(e);
            if (u.equals(v)) {
                throw new IllegalArgumentException("loop at vertex " + u + ": graphs must be simple");
            }
            String key = u.compareTo(v) < 0 ? u + "\u0000" + v : v + "\u0000" + u;
            if (!pairs.add(key)) {
                throw new IllegalArgumentException("edge " + u + "-" + v + " appears twice: graphs must be simple");
            }
        }
        return SmallGraph.fromJGraphT(g);
    }

    /** Parses the graph of one dataset JSONL line ({@code n} and {@code edges}). */
    public static SmallGraph parseJsonGraph(String line) throws IOException {
        JsonNode o = JSON.readTree(line);
        if (o == null || !o.isObject() || !o.path("n").canConvertToInt() || !o.path("edges").isArray()) {
            throw new IllegalArgumentException("expected an object with integer 'n' and array 'edges'");
        }
        JsonNode edges = o.get("edges");
        int[][] e = new int[edges.size()][];
        for (int i = 0; i < e.length; i++) {
            JsonNode uv = edges.get(i);
            if (!uv.isArray() || uv.size() != 2 || !uv.get(0).canConvertToInt() || !uv.get(1).canConvertToInt()) {
                throw new IllegalArgumentException("edges[" + i + "] must be [u, v], got " + uv);
            }
            e[i] = new int[] {uv.get(0).asInt(), uv.get(1).asInt()};
        }
        return SmallGraph.of(o.get("n").asInt(), e);
    }

    /** Writes graphs as graph6, one a line, atomically. */
    public static void writeGraph6(Path file, List<SmallGraph> graphs) {
        AtomicFiles.write(file, w -> {
            for (SmallGraph g : graphs) {
                w.write(toGraph6(g));
                w.write('\n');
            }
        });
    }

    /** Writes graphs as JSONL ({@code {"n":..,"edges":[[u,v],..]}}), atomically. */
    public static void writeJsonl(Path file, List<SmallGraph> graphs) {
        AtomicFiles.write(file, w -> {
            for (SmallGraph g : graphs) {
                w.write("{\"n\":" + g.nodeCount() + ",\"edges\":" + java.util.Arrays.deepToString(g.edges())
                        .replace(" ", "") + "}\n");
            }
        });
    }

    /** Parses the CLI's inline form {@code "0-1,1-2,2-3"}: n is one more than the largest vertex. */
    public static SmallGraph parseEdgeList(String text) {
        LinkedHashSet<int[]> edges = new LinkedHashSet<>();
        int max = -1;
        for (String part : text.split(",")) {
            String[] uv = part.strip().split("-");
            if (uv.length != 2) {
                throw new IllegalArgumentException("edge '" + part.strip() + "' is not of the form u-v");
            }
            int u = vertex(uv[0], part), v = vertex(uv[1], part);
            edges.add(new int[] {u, v});
            max = Math.max(max, Math.max(u, v));
        }
        return SmallGraph.of(max + 1, edges.toArray(new int[0][]));
    }

    /** One vertex of the inline form: a non-negative integer below {@link SmallGraph#MAX_NODES}, read without overflow. */
    private static int vertex(String text, String edge) {
        String t = text.strip();
        if (!t.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("edge '" + abbreviate(edge.strip()) + "' does not name two non-negative integer vertices");
        }
        long v = Long.parseLong(t);
        if (v >= SmallGraph.MAX_NODES) {
            throw new IllegalArgumentException("vertex " + t + " in edge '" + abbreviate(edge.strip()) + "' is out of range: "
                    + "graphs have at most " + SmallGraph.MAX_NODES + " nodes (0.." + (SmallGraph.MAX_NODES - 1) + ")");
        }
        return (int) v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
