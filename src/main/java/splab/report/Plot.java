package splab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;

/** Drawing helpers shared by {@link Charts}: the plot frame with its axes and ticks, canvas, fonts and text. */
final class Plot {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Plot() {
    }

    /** Maps data coordinates into a plot rectangle. */
    record Frame(int left, int top, int right, int bottom, double x0, double x1, double y0, double y1) {
        Frame {
            if (x1 - x0 < 1e-12) {
                x0 -= 0.5;
                x1 += 0.5;
            }
            if (y1 - y0 < 1e-12) {
                y0 -= 0.5;
                y1 += 0.5;
            }
        }

        double px(double x) {
            return left + (x - x0) / (x1 - x0) * (right - left);
        }

        double py(double y) {
            return bottom - (y - y0) / (y1 - y0) * (bottom - top);
        }

        void axes(Graphics2D g, String xAxis, String yAxis) {
            g.setColor(Color.BLACK);
            g.setFont(LABEL);
            g.drawLine(left, bottom, right, bottom);
            g.drawLine(left, top, left, bottom);
            for (int i = 0; i <= 4; i++) {
                double y = y0 + (y1 - y0) * i / 4;
                int yy = (int) py(y);
                g.drawLine(left - 3, yy, left, yy);
                rightAligned(g, tick(y, y1 - y0), left - 5, yy + 4);
                g.setColor(new Color(0xeeeeee));
                g.drawLine(left + 1, yy, right, yy);
                g.setColor(Color.BLACK);
            }
            if (xAxis != null) {
                for (int i = 0; i <= 4; i++) {
                    double x = x0 + (x1 - x0) * i / 4;
                    int xx = (int) px(x);
                    g.drawLine(xx, bottom, xx, bottom + 3);
                    centred(g, tick(x, x1 - x0), xx, bottom + 15);
                }
                centred(g, xAxis, (left + right) / 2, bottom + 30);
            }
            if (yAxis != null) {
                verticalText(g, yAxis, 12, (top + bottom) / 2);
            }
        }
    }

    /** A tick label with as many decimals as the axis range needs; round-off near zero prints as 0. */
    static String tick(double v, double range) {
        if (Math.abs(v) < 1e-9 * Math.max(1, Math.abs(range))) {
            v = 0;
        }
        int decimals = range >= 100 ? 0 : range >= 10 ? 1 : range >= 0.1 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    static void title(Graphics2D g, String text, int w) {
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        centred(g, text, w / 2, 20);
        g.setFont(LABEL);
    }

    static Color blue(double f) {
        return new Color((int) (255 - 225 * f), (int) (255 - 180 * f), (int) (255 - 95 * f));
    }

    static void centred(Graphics2D g, String s, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, x - fm.stringWidth(s) / 2, y);
    }

    static void rightAligned(Graphics2D g, String s, int x, int y) {
        g.drawString(s, x - g.getFontMetrics().stringWidth(s), y);
    }

    static void verticalText(Graphics2D g, String s, int x, int y) {
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        centred(g, s, x, y + 4);
        g.setTransform(old);
    }

    static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : a) {
            m = Math.min(m, x);
        }
        return a.length == 0 ? 0 : m;
    }

    static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            m = Math.max(m, x);
        }
        return a.length == 0 ? 1 : m;
    }

    /** One row of coloured squares with the series names, starting at (x, baseline y). */
    static void legend(Graphics2D g, java.util.List<String> series, Color[] palette, int x, int y) {
        g.setFont(LABEL);
        for (int i = 0; i < series.size(); i++) {
            g.setColor(palette[i % palette.length]);
            g.fillRect(x, y - 9, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(series.get(i), x + 14, y);
            x += 24 + g.getFontMetrics().stringWidth(series.get(i));
        }
    }
}
