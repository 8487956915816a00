package splab.report;

import splab.io.AtomicFiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import static splab.report.Plot.*;

import splab.graph.SmallGraph;

/**
 * Small PNG charts drawn with Java2D (headless): heatmap, scatter, grouped bars with error bars and a chance line,
 * and a graph drawing with per-edge weights and a highlighted path. Each returns a {@link BufferedImage};
 * {@link #grid} puts several side by side and {@link #writePng} saves one atomically. No charting dependency: the
 * few chart kinds the report needs are simple, and this keeps the build offline-safe.
 */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Colours of series, in order. */
    public static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};

    private Charts() {
    }

    /** Saves {@code image} as PNG at {@code file} (atomically) and returns the bytes. */
    public static byte[] writePng(Path file, BufferedImage image) {
        byte[] bytes = png(image);
        AtomicFiles.writeBytes(file, bytes);
        return bytes;
    }

    public static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A heatmap of values in [lo, hi] (white to dark blue), the value printed in each cell. */
    public static BufferedImage heatmap(String title, double[][] values, List<String> rowLabels, List<String> colLabels,
            String rowAxis, String colAxis, double lo, double hi) {
        int rows = values.length, cols = rows == 0 ? 0 : values[0].length;
        int cell = 44, left = 70, top = 40, bottom = 50;
        int w = Math.max(240, left + cols * cell + 20), h = top + rows * cell + bottom;
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        title(g, title, w);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = values[i][j];
                double f = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
                g.setColor(blue(f));
                g.fillRect(left + j * cell, top + i * cell, cell, cell);
                g.setColor(f > 0.55 ? Color.WHITE : Color.BLACK);
                centred(g, Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v), left + j * cell + cell / 2,
                        top + i * cell + cell / 2 + 4);
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(LABEL);
        for (int i = 0; i < rows; i++) {
            rightAligned(g, rowLabels.get(i), left - 6, top + i * cell + cell / 2 + 4);
        }
        for (int j = 0; j < cols; j++) {
            centred(g, colLabels.get(j), left + j * cell + cell / 2, top + rows * cell + 15);
        }
        centred(g, colAxis, left + cols * cell / 2, top + rows * cell + 35);
        verticalText(g, rowAxis, 14, top + rows * cell / 2);
        g.dispose();
        return img;
    }

    /** A scatter plot with axes through the data range. */
    public static BufferedImage scatter(String title, double[] x, double[] y, String xAxis, String yAxis) {
        int w = 300, h = 280;
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        title(g, title, w);
        Frame f = new Frame(55, 35, w - 20, h - 45, min(x), max(x), min(y), max(y));
        f.axes(g, xAxis, yAxis);
        g.setColor(PALETTE[0]);
        for (int i = 0; i < x.length; i++) {
            g.fill(new Ellipse2D.Double(f.px(x[i]) - 3, f.py(y[i]) - 3, 6, 6));
        }
        g.dispose();
        return img;
    }

    /**
     * Grouped bars: one group per category, one bar per series, error bars of {@code err} (may be null), and an
     * optional dashed reference line per category ({@code reference}, may be null) for a chance level.
     */
    public static BufferedImage groupedBars(String title, List<String> categories, List<String> series, double[][] mean,
            double[][] err, double[] reference, String referenceLabel, String yAxis, double yMin, double yMax) {
        int groups = categories.size(), s = series.size();
        int bar = 18, gap = 22;
        int w = Math.max(360, 70 + groups * (s * bar + gap) + 20), h = 300;
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        title(g, title, w);
        Frame f = new Frame(55, 35, w - 15, h - 75, 0, 1, yMin, yMax);
        f.axes(g, null, yAxis);
        int x0 = 60;
        for (int c = 0; c < groups; c++) {
            int gx = x0 + c * (s * bar + gap);
            for (int i = 0; i < s; i++) {
                double v = mean[i][c];
                if (Double.isNaN(v)) {
                    continue;
                }
                int bx = gx + i * bar;
                int y = (int) f.py(Math.max(yMin, Math.min(yMax, v)));
                int base = (int) f.py(Math.max(yMin, 0));
                g.setColor(PALETTE[i % PALETTE.length]);
                g.fillRect(bx, Math.min(y, base), bar - 3, Math.abs(base - y));
                if (err != null && !Double.isNaN(err[i][c])) {
                    g.setColor(Color.BLACK);
                    double lo = f.py(Math.max(yMin, v - err[i][c])), hi = f.py(Math.min(yMax, v + err[i][c]));
                    int cx = bx + (bar - 3) / 2;
                    g.draw(new Line2D.Double(cx, lo, cx, hi));
                }
            }
            if (reference != null && !Double.isNaN(reference[c])) {
                g.setColor(Color.DARK_GRAY);
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
                double ry = f.py(reference[c]);
                g.draw(new Line2D.Double(gx - 3, ry, gx + s * bar, ry));
                g.setStroke(new BasicStroke(1));
            }
            g.setColor(Color.BLACK);
            g.setFont(LABEL);
            centred(g, categories.get(c), gx + s * bar / 2, h - 60);
        }
        int lx = 60, ly = h - 38;
        for (int i = 0; i < s; i++) {
            int width = 24 + g.getFontMetrics().stringWidth(series.get(i));
            if (lx + width > w - 5 && lx > 60) {
                lx = 60;
                ly += 16;
            }
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillRect(lx, ly - 9, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(series.get(i), lx + 14, ly);
            lx += width;
        }
        if (reference != null && referenceLabel != null) {
            g.setColor(Color.DARK_GRAY);
            g.drawString("- - " + referenceLabel, lx, ly);
        }
        g.dispose();
        return img;
    }

    /**
     * Line plot of several series (x ascending within each); NaN points are skipped. The y range is fixed by
     * the caller so curves of different runs compare by eye.
     */
    public static BufferedImage lines(String title, List<String> series, List<double[]> xs, List<double[]> ys,
            String xAxis, String yAxis, double yMin, double yMax) {
        int w = 560, h = 320;
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        title(g, title, w);
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE;
        for (double[] x : xs) {
            for (double v : x) {
                x0 = Math.min(x0, v);
                x1 = Math.max(x1, v);
            }
        }
        if (!(x1 > x0)) {
            x0 = x0 == Double.MAX_VALUE ? 0 : x0;
            x1 = x0 + 1;
        }
        Frame f = new Frame(55, 35, w - 40, h - 75, x0, x1, yMin, yMax); // room for the last tick label
        f.axes(g, xAxis, yAxis);
        g.setStroke(new BasicStroke(1.8f));
        for (int i = 0; i < series.size(); i++) {
            g.setColor(PALETTE[i % PALETTE.length]);
            double[] x = xs.get(i), y = ys.get(i);
            double px = Double.NaN, py = Double.NaN;
            for (int k = 0; k < x.length; k++) {
                if (Double.isNaN(y[k])) {
                    continue;
                }
                double cx = f.px(x[k]), cy = f.py(Math.max(yMin, Math.min(yMax, y[k])));
                if (!Double.isNaN(px)) {
                    g.draw(new Line2D.Double(px, py, cx, cy));
                }
                g.fill(new java.awt.geom.Ellipse2D.Double(cx - 2, cy - 2, 4, 4));
                px = cx;
                py = cy;
            }
        }
        g.setStroke(new BasicStroke(1));
        legend(g, series, PALETTE, 60, h - 22);
        g.dispose();
        return img;
    }

    /**
     * The graph on a circle: edge width and colour by {@code edgeWeight} (row e = edge e, scaled to the largest),
     * the walked part of the path in black, the current node filled orange, the target red.
     */
    public static BufferedImage graphPanel(String title, SmallGraph graph, double[] edgeWeight, int[] path, int step,
            int current, int target) {
        int w = 220, h = 230, r = 80, cx = w / 2, cy = 125;
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        title(g, title, w);
        int n = graph.nodeCount();
        double[] px = new double[n], py = new double[n];
        for (int v = 0; v < n; v++) {
            double a = -Math.PI / 2 + 2 * Math.PI * v / n;
            px[v] = cx + r * Math.cos(a);
            py[v] = cy + r * Math.sin(a);
        }
        double maxW = 1e-12;
        for (double x : edgeWeight) {
            maxW = Math.max(maxW, x);
        }
        for (int e = 0; e < graph.edgeCount(); e++) {
            int[] uv = graph.edge(e);
            double f = edgeWeight[e] / maxW;
            g.setColor(new Color(0.85f - 0.85f * (float) f * 0.2f, 0.85f - 0.85f * (float) f, 0.85f - 0.6f * (float) f));
            g.setStroke(new BasicStroke((float) (1 + 7 * f)));
            g.draw(new Line2D.Double(px[uv[0]], py[uv[0]], px[uv[1]], py[uv[1]]));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 3}, 0));
        for (int i = 0; i < step && i + 1 < path.length; i++) {
            g.draw(new Line2D.Double(px[path[i]], py[path[i]], px[path[i + 1]], py[path[i + 1]]));
        }
        g.setStroke(new BasicStroke(1));
        g.setFont(LABEL);
        for (int v = 0; v < n; v++) {
            Color fill = v == current ? PALETTE[1] : v == target ? PALETTE[3] : Color.WHITE;
            g.setColor(fill);
            g.fill(new Ellipse2D.Double(px[v] - 10, py[v] - 10, 20, 20));
            g.setColor(Color.BLACK);
            g.draw(new Ellipse2D.Double(px[v] - 10, py[v] - 10, 20, 20));
            centred(g, Integer.toString(v), (int) px[v], (int) py[v] + 4);
        }
        g.dispose();
        return img;
    }

    /** Images laid out left to right, {@code cols} per row, on white. */
    public static BufferedImage grid(List<BufferedImage> images, int cols) {
        if (images.isEmpty()) {
            return canvas(10, 10);
        }
        int cw = 0, ch = 0;
        for (BufferedImage i : images) {
            cw = Math.max(cw, i.getWidth());
            ch = Math.max(ch, i.getHeight());
        }
        int c = Math.min(cols, images.size()), rows = (images.size() + cols - 1) / cols;
        BufferedImage img = canvas(c * cw, rows * ch);
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % cols) * cw, (i / cols) * ch, null);
        }
        g.dispose();
        return img;
    }
}
