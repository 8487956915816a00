package splab.report;

import static splab.report.Plot.canvas;
import static splab.report.Plot.graphics;
import static splab.report.Plot.legend;
import static splab.report.Plot.title;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Curves with a shaded band each: per series, a mean line over x and a band from {@code low} to {@code high}
 * (for a sweep, the spread over seeds). NaN points are skipped; the y range is fixed by the caller.
 */
public final class BandChart {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** One series: x ascending, with the line and the band's edges at each x. */
    public record Series(String name, double[] x, double[] line, double[] low, double[] high) {}

    private BandChart() {}

    public static BufferedImage draw(String title, List<Series> series, String xAxis, String yAxis, double yMin, double yMax) {
        int w = 620, h = 340;
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        title(g, title, w);
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE;
        for (Series s : series) {
            for (double v : s.x()) {
                x0 = Math.min(x0, v);
                x1 = Math.max(x1, v);
            }
        }
        if (!(x1 > x0)) {
            x0 = x0 == Double.MAX_VALUE ? 0 : x0;
            x1 = x0 + 1;
        }
        Plot.Frame f = new Plot.Frame(55, 35, w - 40, h - 75, x0, x1, yMin, yMax);
        f.axes(g, xAxis, yAxis);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            g.setColor(Charts.PALETTE[i % Charts.PALETTE.length]);
            Path2D band = new Path2D.Double();
            boolean started = false;
            for (int k = 0; k < s.x().length; k++) {
                if (!Double.isNaN(s.high()[k])) {
                    double px = f.px(s.x()[k]), py = f.py(clamp(s.high()[k], yMin, yMax));
                    if (started) {
                        band.lineTo(px, py);
                    } else {
                        band.moveTo(px, py);
                        started = true;
                    }
                }
            }
            for (int k = s.x().length - 1; k >= 0 && started; k--) {
                if (!Double.isNaN(s.low()[k])) {
                    band.lineTo(f.px(s.x()[k]), f.py(clamp(s.low()[k], yMin, yMax)));
                }
            }
            if (started) {
                band.closePath();
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.18f));
                g.fill(band);
                g.setComposite(AlphaComposite.SrcOver);
            }
            g.setStroke(new BasicStroke(1.8f));
            double px = Double.NaN, py = Double.NaN;
            for (int k = 0; k < s.x().length; k++) {
                if (Double.isNaN(s.line()[k])) {
                    continue;
                }
                double cx = f.px(s.x()[k]), cy = f.py(clamp(s.line()[k], yMin, yMax));
                if (!Double.isNaN(px)) {
                    g.draw(new Line2D.Double(px, py, cx, cy));
                }
                px = cx;
                py = cy;
            }
        }
        g.setStroke(new BasicStroke(1));
        legend(g, series.stream().map(Series::name).toList(), Charts.PALETTE, 60, h - 22);
        g.dispose();
        return img;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
